package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A user signed in and a new session began. */
@EventType(name = "user-signed-in", topic = Topics.SESSIONS)
public record UserSignedIn(UUID userId, UUID sessionId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
