package io.cryptotalks.gateway.security;

import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 in the contract's shape, with the code the original's clients branch on (they drop the token on token-expired). */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ErrorResponses errors;

    ApiAuthenticationEntryPoint(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        errors.write(response, problemOf(exception).error());
    }

    void writeBadRequest(HttpServletResponse response, String detail) throws IOException {
        errors.write(response, ApiError.BAD_REQUEST, detail);
    }

    private static TokenProblem problemOf(AuthenticationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid
                    && !invalid.getErrors().isEmpty()) {
                return TokenProblem.fromCode(
                        invalid.getErrors().iterator().next().getErrorCode());
            }
        }
        if (exception instanceof OAuth2AuthenticationException oauth
                && TokenProblem.CORRUPTED.code().equals(oauth.getError().getDescription())) {
            return TokenProblem.CORRUPTED;
        }
        return exception instanceof OAuth2AuthenticationException ? TokenProblem.INVALID : TokenProblem.MISSING;
    }
}
