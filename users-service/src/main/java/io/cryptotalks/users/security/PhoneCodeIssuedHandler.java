package io.cryptotalks.users.security;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.PhoneCodeIssued;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import org.springframework.stereotype.Component;

/**
 * Texts the code the gateway issued (it keeps only its digest). The code is in the queued SMS only — blanked once sent —
 * and never in a log line or the action log.
 */
@Component
public class PhoneCodeIssuedHandler implements EventHandler<PhoneCodeIssued> {

    private final Outbox outbox;
    private final ActionLogWriter actionLog;

    PhoneCodeIssuedHandler(Outbox outbox, ActionLogWriter actionLog) {
        this.outbox = outbox;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(PhoneCodeIssued event, EventEnvelope envelope) {
        outbox.queue(OutgoingMessage.sms(
                envelope,
                event.userId(),
                event.phone(),
                "Cryptotalks verification code: " + event.code() + ".\nWill be valid for 5 minutes."));
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SECURITY",
                "A verification code (" + event.purpose() + ") was texted to user " + event.userId() + ".",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
