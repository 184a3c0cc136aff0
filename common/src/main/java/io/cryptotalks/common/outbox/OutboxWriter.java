package io.cryptotalks.common.outbox;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event leaves if and only if the change
 * that caused it commits. {@link OutboxRelay} publishes them.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final EventJson json;
    private final Clock clock;

    public OutboxWriter(JdbcClient jdbc, EventJson json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, clock);
        jdbc.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope, occurred_at)
                        values (:eventId, :topic, :key, :type, :envelope, :occurredAt)
                        """)
                .param("eventId", envelope.eventId())
                .param("topic", envelope.topic())
                .param("key", envelope.aggregateId())
                .param("type", envelope.type())
                .param("envelope", json.write(envelope))
                .param("occurredAt", java.sql.Timestamp.from(envelope.occurredAt()))
                .update();
        return envelope;
    }
}
