package io.cryptotalks.users.registration;

import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.users.UsersProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Issues confirmation tokens: 20 random bytes as 40 hex characters (the original's format), of which only the
 * SHA-256 is stored, with a type and an expiry. The gateway looks tokens up by the same digest.
 */
@Component
class ConfirmationTokens {

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UsersProperties properties;

    ConfirmationTokens(JdbcClient jdbc, UsersProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    String issue(UUID userId, ConfirmationType type, Instant issuedAt) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HEX.formatHex(bytes);
        jdbc.sql("""
                        insert into confirmation_hashes (id, confirmation_hash, confirmation_type, user_id, expires_at)
                        values (:id, :digest, :type, :userId, :expiresAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("digest", TokenDigest.sha256Hex(token))
                .param("type", type.name())
                .param("userId", userId)
                .param("expiresAt", Timestamp.from(issuedAt.plus(properties.confirmationLifetime())))
                .update();
        return token;
    }
}
