package io.cryptotalks.users.notices;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Security notices ("your password was changed", "two-factor authentication is on"): an email without links to the
 * account's current address, queued in the event's transaction. An account closed meanwhile gets none.
 */
@Component
public class AccountNotices {

    private static final Logger log = LoggerFactory.getLogger(AccountNotices.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;

    AccountNotices(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public void send(EventEnvelope cause, UUID userId, String subject, String text) {
        Optional<Account> account = jdbc.sql("select email, username from users where id = ?")
                .param(userId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2)))
                .optional();
        if (account.isEmpty()) {
            log.info("no notice for {} ({}): the account no longer exists", cause.type(), userId);
            return;
        }
        outbox.queue(OutgoingMessage.email(
                cause,
                userId,
                account.get().email(),
                subject,
                """
                Hello %s,

                %s

                If this was not you, reset your password at once and contact us.
                """.formatted(account.get().username(), text),
                List.of()));
    }

    private record Account(String email, String username) {}
}
