package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The password was replaced (already stored by the gateway); {@code method} is CHANGE, RESET_EMAIL or RESET_SMS. */
@EventType(name = "user-password-changed", topic = Topics.USERS)
public record UserPasswordChanged(UUID userId, String method) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
