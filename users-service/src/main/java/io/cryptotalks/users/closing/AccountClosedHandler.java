package io.cryptotalks.users.closing;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.users.follows.ClosedAccountFollows;
import io.cryptotalks.users.notifications.ClosedAccountNotifications;
import io.cryptotalks.users.photos.PhotoStorage;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes everything this service holds of a closed account, in one transaction: settings, confirmation hashes, SMS
 * codes, outgoing messages (those not yet sent never leave), follows in both directions and of tags (with the
 * counters they moved), and the users row (the gateway deleted it already; again, idempotently). The profile
 * photos are deleted from the bucket after commit.
 */
@Component
public class AccountClosedHandler implements EventHandler<UserAccountClosed> {

    private static final List<String> DELETIONS = List.of(
            "delete from user_settings where user_id = ?",
            "delete from confirmation_hashes where user_id = ?",
            "delete from phone_codes where user_id = ?",
            // pending ones never leave; sent and failed ones only hold the address by now
            "delete from outgoing_messages where user_id = ?",
            "delete from users where id = ?");

    private final JdbcClient jdbc;
    private final PhotoStorage storage;
    private final ClosedAccountFollows follows;
    private final ClosedAccountNotifications notifications;
    private final ActionLogWriter actionLog;

    AccountClosedHandler(
            JdbcClient jdbc,
            PhotoStorage storage,
            ClosedAccountFollows follows,
            ClosedAccountNotifications notifications,
            ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.follows = follows;
        this.notifications = notifications;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserAccountClosed event, EventEnvelope envelope) {
        follows.delete(event.userId());
        notifications.delete(event.userId());
        for (String deletion : DELETIONS) {
            jdbc.sql(deletion).param(event.userId()).update();
        }
        storage.deleteAllOfUserAfterCommit(event.userId().toString());
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "CLOSE_ACC",
                "User " + event.userId() + " has successfully closed an account.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
