package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;

/** Applies one event type; runs inside the consumer's database transaction. */
@FunctionalInterface
public interface EventHandler<T extends DomainEvent> {

    void handle(T event, EventEnvelope envelope);
}
