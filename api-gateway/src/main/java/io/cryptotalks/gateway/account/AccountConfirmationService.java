package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.gateway.web.ApiError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Uses a registration hash: typed (a password-reset hash confirms nothing), single use (marked in the same statement
 * that checks it), and expiring. The account itself is confirmed by the users-service on {@link UserAccountConfirmed}.
 */
@Service
class AccountConfirmationService {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{40}");

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    AccountConfirmationService(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    void confirm(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw ApiError.HASH_NOT_FOUND.exception();
        }
        ConfirmationHash hash = jdbc.sql("""
                        select id, user_id, confirmed, expires_at from confirmation_hashes
                        where confirmation_hash = :digest and confirmation_type = 'REGISTRATION'
                        for update
                        """)
                .param("digest", TokenDigest.sha256Hex(token))
                .query(ConfirmationHash.class)
                .optional()
                .orElseThrow(ApiError.HASH_NOT_FOUND::exception);
        if (hash.confirmed()) {
            throw ApiError.EMAIL_ALREADY_CONFIRMED.exception();
        }
        if (hash.expiresAt().toInstant().isBefore(clock.instant())) {
            throw ApiError.HASH_EXPIRED.exception();
        }
        jdbc.sql("update confirmation_hashes set confirmed = true, confirmed_at = now(), updated_at = now() where id = :id")
                .param("id", hash.id())
                .update();
        outbox.append(new UserAccountConfirmed(hash.userId(), hash.id()));
    }

    record ConfirmationHash(UUID id, UUID userId, boolean confirmed, OffsetDateTime expiresAt) {
    }
}
