package io.cryptotalks.common.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What travels on Kafka: an event and its metadata. {@code eventId} is unique per event and is the idempotency key of
 * every consumer and of every side effect that cannot be rolled back (email, SMS).
 */
public record EventEnvelope(
        UUID eventId, String type, String aggregateId, Instant occurredAt, int schemaVersion, DomainEvent payload) {

    public static EventEnvelope of(DomainEvent payload, Clock clock) {
        EventType type = EventCatalog.typeOf(payload.getClass());
        return new EventEnvelope(
                UUID.randomUUID(),
                type.name(),
                payload.aggregateId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                type.version(),
                payload);
    }

    public String topic() {
        return EventCatalog.typeOf(payload.getClass()).topic();
    }
}
