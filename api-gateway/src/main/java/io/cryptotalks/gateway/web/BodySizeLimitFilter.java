package io.cryptotalks.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code cryptotalks.max-body-size} (the original took 50 MB) before they are read.
 * Bodies sent without a Content-Length are capped by Tomcat's own limits.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimitFilter(@Value("${cryptotalks.max-body-size:1MB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ErrorBody body = ApiError.PAYLOAD_TOO_LARGE.body("Request bodies are limited to " + maxBytes + " bytes");
            response.setStatus(body.statusCode());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"statusCode\":" + body.statusCode() + ",\"message\":\"" + body.message()
                    + "\",\"error\":\"" + body.error() + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
