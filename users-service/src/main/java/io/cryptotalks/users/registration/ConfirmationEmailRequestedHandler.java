package io.cryptotalks.users.registration;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.ConfirmationEmailRequested;
import org.springframework.stereotype.Component;

/** The registration email again, with a new link (the earlier ones keep working until they expire). */
@Component
public class ConfirmationEmailRequestedHandler implements EventHandler<ConfirmationEmailRequested> {

    private final RegistrationEmail registrationEmail;
    private final ActionLogWriter actionLog;

    ConfirmationEmailRequestedHandler(RegistrationEmail registrationEmail, ActionLogWriter actionLog) {
        this.registrationEmail = registrationEmail;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(ConfirmationEmailRequested event, EventEnvelope envelope) {
        registrationEmail.send(envelope, event.userId(), event.email(), event.username());
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "CONFIRMATION",
                "User " + event.userId() + " asked for the confirmation email again.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
