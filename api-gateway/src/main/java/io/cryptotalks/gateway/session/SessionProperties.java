package io.cryptotalks.gateway.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@code cryptotalks.session.*}: the JWT secret ({@code JWT_SECRET}) and the token lifetimes. */
@ConfigurationProperties("cryptotalks.session")
record SessionProperties(String jwtSecret, Duration accessTokenLifetime, Duration refreshTokenLifetime) {

    SessionProperties {
        if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("JWT_SECRET must be set to at least 32 bytes of random text"
                    + " (./cryptotalks up generates one into .data/secrets.env)");
        }
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(7) : refreshTokenLifetime;
    }
}
