package io.cryptotalks.users.email;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserEmailChanged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gateway has already written {@code users.email} and {@code user_settings.email_changed}; this records the change
 * and sets the flag again (idempotently), in case the settings row came later than the gateway's write.
 */
@Component
public class EmailChangedHandler implements EventHandler<UserEmailChanged> {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    EmailChangedHandler(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserEmailChanged event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into user_settings (id, user_id, email_changed)
                        select :id, u.id, true from users u where u.id = :userId
                        on conflict (user_id) do update set email_changed = true, updated_at = now()
                        where user_settings.email_changed = false
                        """)
                .param("id", UUID.randomUUID())
                .param("userId", event.userId())
                .update();
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "USER",
                "User " + event.userId() + " has successfully changed email.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
