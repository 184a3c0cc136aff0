package io.cryptotalks.gateway.security;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.cors.allowed-origins} ({@code CORS_ALLOWED_ORIGINS}, comma-separated): the only origins whose
 * pages may call the API from a browser. Empty by default: the web app is served on the API's origin (/api through its
 * web server) and needs none.
 */
@Validated
@ConfigurationProperties("cryptotalks.cors")
public record CorsProperties(
        List<
                        @Pattern(
                                regexp = "https?://[^\\s/*,]+",
                                message =
                                        "CORS_ALLOWED_ORIGINS is malformed: list origins such as https://app.example.com"
                                                + " (scheme, host and port; no path, no wildcard)")
                        String>
                allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
    }
}
