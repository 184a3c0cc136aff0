package io.cryptotalks.gateway.account;

import io.cryptotalks.common.tokens.TokenDigest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the confirmation hash of a token from a link, of one type only (a password-reset token confirms nothing
 * else), locked for the rest of the transaction so that single use is decided there.
 */
final class ConfirmationLinks {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{40}");

    private ConfirmationLinks() {
    }

    static <T> Optional<T> find(JdbcClient jdbc, String token, String type, Class<T> row) {
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
                .query(row)
                .optional();
    }

    static void markUsed(JdbcClient jdbc, java.util.UUID hashId) {
        jdbc.sql("update confirmation_hashes set confirmed = true, confirmed_at = now(), updated_at = now() where id = :id")
                .param("id", hashId)
                .update();
    }
}
