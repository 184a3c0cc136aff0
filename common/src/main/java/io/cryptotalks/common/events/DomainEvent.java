package io.cryptotalks.common.events;

/** A fact that happened to one aggregate. Implementations are past-tense records annotated with {@link EventType}. */
public interface DomainEvent {

    /** The id of the aggregate the event belongs to: the Kafka key, so its events stay in order. */
    String aggregateId();
}
