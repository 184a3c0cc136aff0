package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The owner of the account opened the registration link; {@code confirmationId} is the used confirmation hash row. */
@EventType(name = "user-account-confirmed", topic = Topics.USERS)
public record UserAccountConfirmed(UUID userId, UUID confirmationId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
