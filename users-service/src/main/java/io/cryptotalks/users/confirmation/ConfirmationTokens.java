package io.cryptotalks.users.confirmation;

import io.cryptotalks.common.tokens.TokenDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues confirmation tokens: 20 random bytes as 40 hex characters (the original's format), of which only the
 * SHA-256 is stored, with a type, an expiry and (for email change and password reset) the address it is about. The
 * gateway looks tokens up by the same digest. Called in the consumer's transaction: a rolled-back event leaves no hash.
 */
@Component
public class ConfirmationTokens {

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    ConfirmationTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the token, to be sent in a link and never stored or logged */
    public String issue(UUID userId, ConfirmationType type, String changingEmail, Instant issuedAt, Duration lifetime) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HEX.formatHex(bytes);
        jdbc.sql("""
                        insert into confirmation_hashes (id, confirmation_hash, confirmation_type, changing_email, user_id,
                                                         expires_at)
                        values (:id, :digest, :type, :changingEmail, :userId, :expiresAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("digest", TokenDigest.sha256Hex(token))
                .param("type", type.name())
                .param("changingEmail", changingEmail)
                .param("userId", userId)
                .param("expiresAt", Timestamp.from(issuedAt.plus(lifetime)))
                .update();
        return token;
    }
}
