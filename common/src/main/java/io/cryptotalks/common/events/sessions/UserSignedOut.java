package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A user signed out; the session is revoked. */
@EventType(name = "user-signed-out", topic = Topics.SESSIONS)
public record UserSignedOut(UUID userId, UUID sessionId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
