package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The user asked to change their email (re-authenticated); a confirmation link goes to {@code email}, a notice to {@code currentEmail}. */
@EventType(name = "email-change-requested", topic = Topics.USERS)
public record EmailChangeRequested(UUID userId, String email, String currentEmail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
