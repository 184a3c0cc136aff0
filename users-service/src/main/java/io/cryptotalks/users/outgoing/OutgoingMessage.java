package io.cryptotalks.users.outgoing;

import io.cryptotalks.common.events.EventEnvelope;
import java.util.List;
import java.util.UUID;

/**
 * An email or SMS to send. {@code idempotencyKey} is the id of the event that caused it (with a suffix when the event
 * sends a second message): it is unique in {@code outgoing_messages}, so a redelivered event queues nothing twice, and
 * it travels to the provider. An SMS has no subject and no links.
 */
public record OutgoingMessage(
        String idempotencyKey,
        UUID userId,
        Channel channel,
        String to,
        String subject,
        String text,
        List<String> links) {

    public OutgoingMessage {
        links = List.copyOf(links);
    }

    /** The one email of an event. */
    public static OutgoingMessage email(
            EventEnvelope cause, UUID userId, String to, String subject, String text, List<String> links) {
        return new OutgoingMessage(cause.eventId().toString(), userId, Channel.EMAIL, to, subject, text, links);
    }

    /** A second email of the same event (e.g. the notice to the old address), told apart by {@code suffix}. */
    public static OutgoingMessage email(
            EventEnvelope cause, String suffix, UUID userId, String to, String subject, String text) {
        return new OutgoingMessage(cause.eventId() + ":" + suffix, userId, Channel.EMAIL, to, subject, text, List.of());
    }

    public static OutgoingMessage sms(EventEnvelope cause, UUID userId, String to, String text) {
        return new OutgoingMessage(cause.eventId().toString(), userId, Channel.SMS, to, null, text, List.of());
    }
}
