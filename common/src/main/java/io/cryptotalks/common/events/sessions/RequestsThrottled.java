package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;

/** A rate limit refused requests; {@code subject} is the user id when known, else {@code anonymous} (no addresses, no emails). */
@EventType(name = "requests-throttled", topic = Topics.SESSIONS)
public record RequestsThrottled(String limit, String subject) implements DomainEvent {

    @Override
    public String aggregateId() {
        return subject;
    }
}
