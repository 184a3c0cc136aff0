package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker's Kafka listener calls with each record: read the envelope (unreadable records fail without retry and
 * land in the dead-letter topic), skip types this worker does not apply, and apply the rest exactly once.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final EventJson json;
    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public InboundEvents(EventJson json, IdempotentConsumer consumer, EventHandlers handlers) {
        this.json = json;
        this.consumer = consumer;
        this.handlers = handlers;
    }

    public void accept(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = json.read(record.value());
        if (!handlers.handles(envelope)) {
            return;
        }
        boolean applied = consumer.apply(envelope, () -> handlers.dispatch(envelope));
        // one line per event, in the trace of the request that caused it (its traceparent header)
        if (applied) {
            log.info("applied {} {}", envelope.type(), envelope.eventId());
        } else {
            log.info("skipped {} {}: already applied", envelope.type(), envelope.eventId());
        }
    }
}
