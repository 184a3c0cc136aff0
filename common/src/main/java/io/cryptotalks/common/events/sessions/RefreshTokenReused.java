package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A refresh token that had already been rotated away was presented again: it leaked or was replayed, so the session was revoked. */
@EventType(name = "refresh-token-reused", topic = Topics.SESSIONS)
public record RefreshTokenReused(UUID userId, UUID sessionId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
