package io.cryptotalks.common.settings;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spring.datasource.url} ({@code POSTGRES_URL}), checked at start-up: every service has the one database (unset,
 * Spring Boot's own error applies).
 */
@Validated
@ConfigurationProperties("spring.datasource")
public record DatabaseSettings(
        @Pattern(
                regexp = "jdbc:postgresql://[^\\s/?]+(/[^\\s?]*)?(\\?\\S*)?",
                message = "POSTGRES_URL is missing or malformed: expected jdbc:postgresql://host:port/database")
        String url) {}
