package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.web.ApiError;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uses a registration hash: typed (a password-reset hash confirms nothing), single use (marked in the same statement
 * that checks it), and expiring. The account itself is confirmed by the users-service on {@link UserAccountConfirmed}.
 */
@Service
class AccountConfirmationService {

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
        ConfirmationLinks.Link hash =
                ConfirmationLinks.find(jdbc, token, "REGISTRATION").orElseThrow(ApiError.HASH_NOT_FOUND::exception);
        if (hash.confirmed()) {
            throw ApiError.EMAIL_ALREADY_CONFIRMED.exception();
        }
        if (hash.expired(clock.instant())) {
            throw ApiError.HASH_EXPIRED.exception();
        }
        ConfirmationLinks.markUsed(jdbc, hash.id());
        outbox.append(new UserAccountConfirmed(hash.userId(), hash.id()));
    }
}
