package io.cryptotalks.users.email;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.EmailChangeRequested;
import io.cryptotalks.users.UsersProperties;
import io.cryptotalks.users.confirmation.ConfirmationTokens;
import io.cryptotalks.users.confirmation.ConfirmationType;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An EMAIL_CHANGE token for the new address: the link goes to the new address (proving it is the user's), and a notice
 * without a link to the current one (so the owner learns of a change they did not ask for).
 */
@Component
public class EmailChangeRequestedHandler implements EventHandler<EmailChangeRequested> {

    static final String NOTICE = "notice";

    private final ConfirmationTokens tokens;
    private final Outbox outbox;
    private final ActionLogWriter actionLog;
    private final UsersProperties properties;

    EmailChangeRequestedHandler(
            ConfirmationTokens tokens, Outbox outbox, ActionLogWriter actionLog, UsersProperties properties) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.actionLog = actionLog;
        this.properties = properties;
    }

    @Override
    public void handle(EmailChangeRequested event, EventEnvelope envelope) {
        String token = tokens.issue(
                event.userId(),
                ConfirmationType.EMAIL_CHANGE,
                event.email(),
                envelope.occurredAt(),
                properties.confirmationLifetime());
        URI link = properties.frontEndUrl().resolve("/email-change-confirmation/" + token);
        outbox.queue(OutgoingMessage.email(
                envelope,
                event.userId(),
                event.email(),
                "Cryptotalks - Email change confirmation",
                """
                        Hello,

                        To make this address the email of your Cryptotalks account, open this link within %d hours:
                        %s

                        If you did not ask for this, you can ignore this message.
                        """.formatted(properties.confirmationLifetime().toHours(), link),
                List.of(link.toString())));
        outbox.queue(OutgoingMessage.email(
                envelope,
                NOTICE,
                event.userId(),
                event.currentEmail(),
                "Cryptotalks - Email change requested",
                """
                        Hello,

                        Someone signed in to your Cryptotalks account asked to change its email to %s. The change
                        happens only when the link sent to that address is opened.

                        If this was not you, change your password at once.
                        """.formatted(event.email())));
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "USER",
                "User " + event.userId() + " asked to change email; a confirmation link was sent to the new address.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
