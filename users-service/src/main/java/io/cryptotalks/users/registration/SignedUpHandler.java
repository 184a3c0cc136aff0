package io.cryptotalks.users.registration;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserSignedUp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new account: its settings row with the defaults, a registration confirmation hash, the confirmation email (queued;
 * it leaves after commit) and the SIGN_UP action log — all before the event is marked processed.
 */
@Component
public class SignedUpHandler implements EventHandler<UserSignedUp> {

    private final JdbcClient jdbc;
    private final RegistrationEmail registrationEmail;
    private final ActionLogWriter actionLog;

    SignedUpHandler(JdbcClient jdbc, RegistrationEmail registrationEmail, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.registrationEmail = registrationEmail;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserSignedUp event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into user_settings (id, user_id, public_email) values (:id, :userId, :publicEmail)
                        on conflict (user_id) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("userId", event.userId())
                .param("publicEmail", event.publicEmail())
                .update();
        registrationEmail.send(envelope, event.userId(), event.email(), event.username());
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SIGN_UP",
                "User " + event.userId() + " has successfully created an account.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
