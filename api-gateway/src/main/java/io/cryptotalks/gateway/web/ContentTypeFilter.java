package io.cryptotalks.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body said to be of a wildcard type ({@code Content-Type: *}{@code /*} or {@code application/*}) is refused with a
 * 415 like any type the API does not read: Spring MVC fails on it with an IllegalArgumentException (a 500) before any
 * handler could tell. A Content-Type that does not parse at all is left to Spring MVC, which answers 415 itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ContentTypeFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    ContentTypeFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            errors.write(response, ApiError.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }
}
