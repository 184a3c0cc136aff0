package io.cryptotalks.users.registration;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.users.UsersProperties;
import io.cryptotalks.users.mail.Mailer;
import io.cryptotalks.users.mail.OutgoingMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A new account: its settings row with the defaults, a registration confirmation hash, the confirmation email and the
 * SIGN_UP action log — all before the event is marked processed.
 */
@Component
public class SignedUpHandler implements EventHandler<UserSignedUp> {

    private final JdbcClient jdbc;
    private final ConfirmationTokens tokens;
    private final Mailer mailer;
    private final ActionLogWriter actionLog;
    private final UsersProperties properties;

    SignedUpHandler(JdbcClient jdbc, ConfirmationTokens tokens, Mailer mailer, ActionLogWriter actionLog,
                    UsersProperties properties) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.mailer = mailer;
        this.actionLog = actionLog;
        this.properties = properties;
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
        String token = tokens.issue(event.userId(), ConfirmationType.REGISTRATION, envelope.occurredAt());
        URI link = properties.frontEndUrl().resolve("/account-confirmation/" + token);
        mailer.send(new OutgoingMessage(envelope.eventId().toString(), event.email(),
                "Cryptotalks - Registration confirmation",
                """
                        Welcome to Cryptotalks, %s!

                        Please confirm your email address by opening this link within %d hours:
                        %s

                        If you did not create an account, you can ignore this message.
                        """.formatted(event.username(), properties.confirmationLifetime().toHours(), link),
                List.of(link.toString())));
        actionLog.write(ActionLog.success(envelope.eventId(), "SIGN_UP",
                "User " + event.userId() + " has successfully created an account.", event.userId().toString(),
                envelope.occurredAt()));
    }
}
