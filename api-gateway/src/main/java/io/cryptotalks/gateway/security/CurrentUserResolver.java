package io.cryptotalks.gateway.security;

import io.cryptotalks.gateway.web.ApiError;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link CurrentUser} parameters from the access token Spring Security verified (type, expiry, live
 * session). Authentication itself is decided by {@code SecurityConfiguration}, never by a handler remembering to ask.
 */
@Component
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class)
                && parameter.getParameterType().equals(AuthenticatedUser.class);
    }

    @Override
    public AuthenticatedUser resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return new AuthenticatedUser(
                    AccessTokenDecoding.uuid(token.getToken(), "userId"),
                    AccessTokenDecoding.uuid(token.getToken(), "sid"));
        }
        if (!parameter.getParameterAnnotation(CurrentUser.class).required()) {
            return null;
        }
        throw ApiError.INVALID_TOKEN.exception();
    }
}
