package io.cryptotalks.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL refuses text with a NUL character, so a NUL in a path or query parameter is refused here with a 400
 * for every endpoint, present and future. NULs inside JSON bodies are refused by {@link WellFormedText}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NulCharacterFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    NulCharacterFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the raw URI and query only: reading parameters here would parse (and bypass the limit on) form bodies
        boolean nul =
                hasNul(request.getRequestURI()) || hasNul(request.getServletPath()) || hasNul(request.getQueryString());
        if (nul) {
            errors.write(response, ApiError.BAD_REQUEST, "The request contains a NUL character");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String text) {
        return text != null && (text.indexOf('\0') >= 0 || text.contains("%00"));
    }
}
