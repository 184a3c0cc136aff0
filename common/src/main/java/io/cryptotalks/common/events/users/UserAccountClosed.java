package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The user closed their account (password and second factor checked); every service deletes what it holds of them. */
@EventType(name = "user-account-closed", topic = Topics.USERS)
public record UserAccountClosed(UUID userId, String username) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
