package io.cryptotalks.gateway.security;

import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

@Component
class ApiAccessDeniedHandler implements AccessDeniedHandler {

    private final ErrorResponses errors;

    ApiAccessDeniedHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        errors.write(response, ApiError.FORBIDDEN);
    }
}
