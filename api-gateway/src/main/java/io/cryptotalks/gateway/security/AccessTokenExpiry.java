package io.cryptotalks.gateway.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** When the current request's access token expires: what a long-lived answer (a live stream) must not outlive. */
public final class AccessTokenExpiry {

    private AccessTokenExpiry() {}

    public static Optional<Instant> ofCurrentRequest() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getExpiresAt())
                : Optional.empty();
    }
}
