package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** An unconfirmed account asked for its registration email again: a new REGISTRATION link goes to {@code email}. */
@EventType(name = "confirmation-email-requested", topic = Topics.USERS)
public record ConfirmationEmailRequested(UUID userId, String email, String username) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
