package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The email-change link was used: {@code users.email} is already {@code email} (written by the gateway, whose unique index decides). */
@EventType(name = "user-email-changed", topic = Topics.USERS)
public record UserEmailChanged(UUID userId, UUID confirmationId, String previousEmail, String email)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
