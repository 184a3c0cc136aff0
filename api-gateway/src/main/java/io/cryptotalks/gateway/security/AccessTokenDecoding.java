package io.cryptotalks.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens are HS256 JWTs of type {@code access}, unexpired, whose session ({@code sid}) is still live: signing
 * out or closing the account revokes them at once.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoding {

    @Bean
    JwtDecoder accessTokenDecoder(SessionProperties properties, Sessions sessions, Clock clock) {
        SecretKeySpec key = new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(jwt -> validate(jwt, sessions, clock));
        return decoder;
    }

    /** In order, so the database is asked only about well-formed, unexpired access tokens. */
    private static OAuth2TokenValidatorResult validate(Jwt jwt, Sessions sessions, Clock clock) {
        if (!JwtTokens.ACCESS.equals(jwt.getClaimAsString("type")) || uuid(jwt, "userId") == null) {
            return failure(TokenProblem.INVALID);
        }
        UUID sessionId = uuid(jwt, "sid");
        if (sessionId == null) {
            return failure(TokenProblem.INVALID);
        }
        if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
            return failure(TokenProblem.EXPIRED);
        }
        return sessions.isActive(sessionId)
                ? OAuth2TokenValidatorResult.success()
                : failure(TokenProblem.SESSION_ENDED);
    }

    static UUID uuid(Jwt jwt, String claim) {
        try {
            return UUID.fromString(jwt.getClaimAsString(claim));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static OAuth2TokenValidatorResult failure(TokenProblem problem) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(problem.code()));
    }
}
