package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** Someone asked for a password reset of this account by email: a single-use FORGOT_PASSWORD link goes to {@code email}. */
@EventType(name = "password-reset-requested", topic = Topics.USERS)
public record PasswordResetRequested(UUID userId, String email) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
