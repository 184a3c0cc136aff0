package io.cryptotalks.gateway.security;

import io.cryptotalks.common.settings.Secret;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.session.*}: the JWT secret ({@code JWT_SECRET}), the token lifetimes, and how long after a rotation
 * the replaced refresh token still yields its successor (tabs refreshing at once). Checked at start-up: a missing,
 * short or placeholder secret, or a lifetime out of range, stops the gateway with one line naming the variable.
 */
@Validated
@ConfigurationProperties("cryptotalks.session")
public record SessionProperties(
        @Secret(variable = "JWT_SECRET") String jwtSecret,

        @DurationMin(seconds = 10, message = "JWT_ACCESS_EXPIRES_IN is out of range: 10s to 24h")
        @DurationMax(hours = 24, message = "JWT_ACCESS_EXPIRES_IN is out of range: 10s to 24h")
        Duration accessTokenLifetime,

        @DurationMin(minutes = 1, message = "JWT_REFRESH_EXPIRES_IN is out of range: 1m to 365d")
        @DurationMax(days = 365, message = "JWT_REFRESH_EXPIRES_IN is out of range: 1m to 365d")
        Duration refreshTokenLifetime,

        @DurationMax(minutes = 5, message = "JWT_REFRESH_GRACE is out of range: 0s to 5m")
        Duration refreshGrace) {

    public SessionProperties {
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(7) : refreshTokenLifetime;
        refreshGrace = refreshGrace == null ? Duration.ofSeconds(10) : refreshGrace;
    }
}
