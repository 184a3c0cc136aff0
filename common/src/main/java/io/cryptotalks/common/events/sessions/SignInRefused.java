package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;

import java.util.UUID;

/** The right password was given for an account that cannot sign in yet; {@code reason} is the error code returned. */
@EventType(name = "sign-in-refused", topic = Topics.SESSIONS)
public record SignInRefused(UUID userId, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
