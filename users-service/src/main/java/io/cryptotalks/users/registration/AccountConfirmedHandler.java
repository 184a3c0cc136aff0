package io.cryptotalks.users.registration;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The gateway has used the registration hash; the account itself becomes confirmed here. */
@Component
public class AccountConfirmedHandler implements EventHandler<UserAccountConfirmed> {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    AccountConfirmedHandler(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserAccountConfirmed event, EventEnvelope envelope) {
        jdbc.sql("update users set account_confirm = true, updated_at = now() where id = :userId")
                .param("userId", event.userId())
                .update();
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "CONFIRMATION",
                "User " + event.userId() + " has successfully confirmed an account.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
