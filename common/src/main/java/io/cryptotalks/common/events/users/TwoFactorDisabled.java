package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A second factor was switched off (removed by the gateway); {@code method} is TOTP or PHONE. */
@EventType(name = "two-factor-disabled", topic = Topics.USERS)
public record TwoFactorDisabled(UUID userId, String method) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
