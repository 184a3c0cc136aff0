package io.cryptotalks.common.outbox;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.tracing.TraceParents;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event leaves if and only if the change
 * that caused it commits. {@link OutboxRelay} publishes them. A row keeps the trace it was written in, so the trace of
 * a request goes on in the workers that apply its events.
 */
public class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);

    private final JdbcClient jdbc;
    private final EventJson json;
    private final Clock clock;
    private final TraceParents traceParents;

    public OutboxWriter(JdbcClient jdbc, EventJson json, Clock clock, TraceParents traceParents) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.traceParents = traceParents;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, clock);
        jdbc.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope, occurred_at, trace_parent)
                        values (:eventId, :topic, :key, :type, :envelope, :occurredAt, :traceParent)
                        """)
                .param("eventId", envelope.eventId())
                .param("topic", envelope.topic())
                .param("key", envelope.aggregateId())
                .param("type", envelope.type())
                .param("envelope", json.write(envelope))
                .param("occurredAt", java.sql.Timestamp.from(envelope.occurredAt()))
                .param("traceParent", traceParents.current())
                .update();
        // the request's line for each event it emits: the workers' "applied" lines carry the same trace id
        log.info("emitted {} {}", envelope.type(), envelope.eventId());
        return envelope;
    }
}
