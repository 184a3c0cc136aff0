package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event types a worker applies, each with its handler. Types not listed here are skipped. */
public final class EventHandlers {

    private final Map<Class<? extends DomainEvent>, EventHandler<DomainEvent>> handlers;

    private EventHandlers(Map<Class<? extends DomainEvent>, EventHandler<DomainEvent>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean handles(EventEnvelope envelope) {
        return handlers.containsKey(envelope.payload().getClass());
    }

    void dispatch(EventEnvelope envelope) {
        handlers.get(envelope.payload().getClass()).handle(envelope.payload(), envelope);
    }

    public static final class Builder {

        private final Map<Class<? extends DomainEvent>, EventHandler<DomainEvent>> handlers = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        public <T extends DomainEvent> Builder on(Class<T> type, EventHandler<? super T> handler) {
            handlers.put(type, (EventHandler<DomainEvent>) handler);
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers);
        }
    }
}
