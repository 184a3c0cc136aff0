package io.cryptotalks.users.mail;

import java.util.List;

/**
 * An email to send. {@code idempotencyKey} is the id of the event that caused it: a redelivered event never sends a
 * second copy to the dev mailbox, and SendGrid receives it as a custom argument and header.
 */
public record OutgoingMessage(String idempotencyKey, String to, String subject, String text, List<String> links) {
}
