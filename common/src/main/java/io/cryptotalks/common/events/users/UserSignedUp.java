package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A person registered; the users row exists, the account awaits email confirmation. */
@EventType(name = "user-signed-up", topic = Topics.USERS)
public record UserSignedUp(UUID userId, String email, String username, boolean publicEmail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
