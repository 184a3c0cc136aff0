package io.cryptotalks.auth.closing;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountClosed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed account keeps no sessions: the gateway revoked them when it closed the account; here they are deleted (a
 * redelivery deletes nothing more).
 */
@Component
public class ClosedAccountSessions implements EventHandler<UserAccountClosed> {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    ClosedAccountSessions(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserAccountClosed event, EventEnvelope envelope) {
        int deleted = jdbc.sql("delete from sessions where user_id = ?")
                .param(event.userId())
                .update();
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SESSION",
                "The " + deleted + " sessions of user " + event.userId() + " were deleted: the account was closed.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
