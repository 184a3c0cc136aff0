package io.cryptotalks.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The contract's {@code x-access-token: Bearer <jwt>} header (not {@code Authorization}, which the original's proxy
 * used for Basic credentials). {@code Bearer null} and {@code Bearer undefined}, which the original's proxy sends for
 * signed-out visitors, mean "no token".
 */
class AccessTokenHeader implements BearerTokenResolver {

    static final String NAME = "x-access-token";

    private final RequestMatcher publicEndpoints;

    AccessTokenHeader(RequestMatcher publicEndpoints) {
        this.publicEndpoints = publicEndpoints;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(NAME);
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(" ");
        if (parts.length != 2 || !"Bearer".equals(parts[0]) || parts[1].isEmpty()) {
            if (publicEndpoints.matches(request)) {
                return null;
            }
            throw new InvalidBearerTokenException(TokenProblem.CORRUPTED.code());
        }
        if ("null".equals(parts[1]) || "undefined".equals(parts[1])) {
            return null;
        }
        return parts[1];
    }
}
