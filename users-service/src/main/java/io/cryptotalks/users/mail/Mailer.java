package io.cryptotalks.users.mail;

/** Sends email: through SendGrid when {@code SENDGRID_API_KEY} is set, to the dev mailbox otherwise. */
public interface Mailer {

    /** Throws when the message could not be handed over, so the event is retried. */
    void send(OutgoingMessage message);
}
