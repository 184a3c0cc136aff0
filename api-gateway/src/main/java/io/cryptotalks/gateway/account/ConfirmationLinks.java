package io.cryptotalks.gateway.account;

import io.cryptotalks.common.tokens.TokenDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The confirmation hash of a token from a link, of one type only (a password-reset token confirms nothing else),
 * locked for the rest of the transaction so that single use is decided there. Only the token's SHA-256 is stored.
 */
final class ConfirmationLinks {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{40}");

    private ConfirmationLinks() {}

    static Optional<Link> find(JdbcClient jdbc, String token, String type) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, user_id, confirmed, expires_at, changing_email from confirmation_hashes
                        where confirmation_hash = :digest and confirmation_type = :type
                        for update
                        """)
                .param("digest", TokenDigest.sha256Hex(token))
                .param("type", type)
                .query(Link.class)
                .optional();
    }

    static void markUsed(JdbcClient jdbc, UUID hashId) {
        jdbc.sql(
                        "update confirmation_hashes set confirmed = true, confirmed_at = now(), updated_at = now() where id = :id")
                .param("id", hashId)
                .update();
    }

    /** {@code changingEmail}: the new address of an email change, the owner's address of a password reset. */
    record Link(UUID id, UUID userId, boolean confirmed, OffsetDateTime expiresAt, String changingEmail) {

        boolean expired(Instant now) {
            return expiresAt.toInstant().isBefore(now);
        }
    }
}
