package io.cryptotalks.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code cryptotalks.session.*}: the JWT secret ({@code JWT_SECRET}), the token lifetimes, and how long after a rotation
 * the replaced refresh token still yields its successor (tabs refreshing at once).
 */
@ConfigurationProperties("cryptotalks.session")
public record SessionProperties(String jwtSecret, Duration accessTokenLifetime, Duration refreshTokenLifetime,
                                Duration refreshGrace) {

    public SessionProperties {
        if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("JWT_SECRET must be set to at least 32 bytes of random text"
                    + " (./cryptotalks up generates one into .data/secrets.env)");
        }
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(7) : refreshTokenLifetime;
        refreshGrace = refreshGrace == null ? Duration.ofSeconds(10) : refreshGrace;
    }
}
