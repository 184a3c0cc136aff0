package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A session's refresh token was rotated. */
@EventType(name = "session-refreshed", topic = Topics.SESSIONS)
public record SessionRefreshed(UUID userId, UUID sessionId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
