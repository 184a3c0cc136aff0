package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A second factor was switched on (stored by the gateway); {@code method} is TOTP or PHONE. */
@EventType(name = "two-factor-enabled", topic = Topics.USERS)
public record TwoFactorEnabled(UUID userId, String method) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
