package io.cryptotalks.users.password;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.PasswordResetRequested;
import io.cryptotalks.users.UsersProperties;
import io.cryptotalks.users.confirmation.ConfirmationTokens;
import io.cryptotalks.users.confirmation.ConfirmationType;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A short-lived FORGOT_PASSWORD token bound to the address it was sent to, and the email with the reset link
 * ({@code /reset-password/<token>?email=<address>}; the page asks for the new password and calls the gateway).
 */
@Component
public class PasswordResetRequestedHandler implements EventHandler<PasswordResetRequested> {

    private final ConfirmationTokens tokens;
    private final Outbox outbox;
    private final ActionLogWriter actionLog;
    private final UsersProperties properties;

    PasswordResetRequestedHandler(
            ConfirmationTokens tokens, Outbox outbox, ActionLogWriter actionLog, UsersProperties properties) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.actionLog = actionLog;
        this.properties = properties;
    }

    @Override
    public void handle(PasswordResetRequested event, EventEnvelope envelope) {
        String token = tokens.issue(
                event.userId(),
                ConfirmationType.FORGOT_PASSWORD,
                event.email(),
                envelope.occurredAt(),
                properties.passwordResetLifetime());
        String link = properties.frontEndUrl().resolve("/reset-password/" + token) + "?email="
                + URLEncoder.encode(event.email(), StandardCharsets.UTF_8);
        outbox.queue(OutgoingMessage.email(
                envelope,
                event.userId(),
                event.email(),
                "Cryptotalks - Password reset",
                """
                Hello,

                To choose a new password for your Cryptotalks account, open this link within %d minutes:
                %s

                If you did not ask for this, you can ignore this message: your password stays as it is.
                """.formatted(properties.passwordResetLifetime().toMinutes(), link),
                List.of(link)));
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "USER",
                "User " + event.userId() + " asked for a password reset; a reset link was sent.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
