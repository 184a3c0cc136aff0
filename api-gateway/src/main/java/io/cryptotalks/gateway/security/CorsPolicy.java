package io.cryptotalks.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS closed except for {@link CorsProperties#allowedOrigins()}: a preflight from any other origin is a 403 (the
 * contract's JSON body); an actual request from another origin gets no {@code Access-Control-Allow-*} header, so the
 * browser never shows the response to that page. Requests without an {@code Origin} (or from this origin, the web app
 * behind its proxy) are not CORS and pass untouched.
 */
final class CorsPolicy implements CorsConfigurationSource {

    private final CorsConfiguration allowed = new CorsConfiguration();
    /** No origin at all: every preflight it is applied to is refused. */
    private final CorsConfiguration refused = new CorsConfiguration();

    CorsPolicy(CorsProperties properties) {
        allowed.setAllowedOrigins(properties.allowedOrigins());
        allowed.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        allowed.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, AccessTokenHeader.NAME));
        allowed.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        // the refresh cookie is SameSite=Strict, so only a same-site origin (app.example.com → api.example.com) gets it
        allowed.setAllowCredentials(true);
        allowed.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        if (allowed.checkOrigin(origin) != null) {
            return allowed;
        }
        return CorsUtils.isPreFlightRequest(request) ? refused : null;
    }

    /** Spring's CORS filter with this policy, refusing in the contract's error shape. */
    CorsFilter filter() {
        CorsFilter filter = new CorsFilter(this);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                response.getHeaders().setCacheControl("no-store");
                response.getBody()
                        .write(("{\"statusCode\":403,\"message\":\"forbidden\","
                                        + "\"error\":\"Cross-origin requests from this origin are not allowed\"}")
                                .getBytes(StandardCharsets.UTF_8));
                response.flush();
            }
        });
        return filter;
    }
}
