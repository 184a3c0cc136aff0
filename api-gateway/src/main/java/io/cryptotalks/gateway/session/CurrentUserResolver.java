package io.cryptotalks.gateway.session;

import io.cryptotalks.gateway.web.ApiError;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} parameters; the token's session must still be live, so sign-out revokes it at once. */
@Component
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "x-access-token";

    private final JwtTokens tokens;
    private final Sessions sessions;

    CurrentUserResolver(JwtTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class)
                && parameter.getParameterType().equals(AuthenticatedUser.class);
    }

    @Override
    public AuthenticatedUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                             NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            throw ApiError.INVALID_TOKEN.exception();
        }
        String[] parts = header.split(" ");
        if (parts.length != 2 || !"Bearer".equals(parts[0]) || parts[1].isEmpty()) {
            throw ApiError.CORRUPTED_TOKEN.exception();
        }
        JwtTokens.AccessClaims claims = tokens.verifyAccess(parts[1]);
        if (!sessions.isActive(claims.sessionId())) {
            throw ApiError.SESSION_HAS_EXPIRED.exception();
        }
        return new AuthenticatedUser(claims.userId(), claims.sessionId());
    }
}
