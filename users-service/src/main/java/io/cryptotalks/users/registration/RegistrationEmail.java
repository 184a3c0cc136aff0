package io.cryptotalks.users.registration;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.users.UsersProperties;
import io.cryptotalks.users.confirmation.ConfirmationTokens;
import io.cryptotalks.users.confirmation.ConfirmationType;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A new REGISTRATION token and the email with its link, at sign-up and when the email is asked for again. */
@Component
class RegistrationEmail {

    private final ConfirmationTokens tokens;
    private final Outbox outbox;
    private final UsersProperties properties;

    RegistrationEmail(ConfirmationTokens tokens, Outbox outbox, UsersProperties properties) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.properties = properties;
    }

    void send(EventEnvelope cause, UUID userId, String email, String username) {
        String token = tokens.issue(
                userId, ConfirmationType.REGISTRATION, null, cause.occurredAt(), properties.confirmationLifetime());
        URI link = properties.frontEndUrl().resolve("/account-confirmation/" + token);
        outbox.queue(OutgoingMessage.email(
                cause,
                userId,
                email,
                "Cryptotalks - Registration confirmation",
                """
                        Welcome to Cryptotalks, %s!

                        Please confirm your email address by opening this link within %d hours:
                        %s

                        If you did not create an account, you can ignore this message.
                        """.formatted(username, properties.confirmationLifetime().toHours(), link),
                List.of(link.toString())));
    }
}
