package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The gateway issued an SMS code (only its SHA-256 is stored) for {@code purpose}; the users-service texts {@code code} to {@code phone} once. */
@EventType(name = "phone-code-issued", topic = Topics.USERS)
public record PhoneCodeIssued(UUID userId, String phone, String code, String purpose) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
