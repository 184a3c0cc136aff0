package io.cryptotalks.common.events.sessions;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A sign-in of a known account was refused; {@code reason} is the error code returned: account-not-confirmed (right
 * password, unconfirmed account), wrong-credentials, wrong-2fa or phone-code-error.
 */
@EventType(name = "sign-in-refused", topic = Topics.SESSIONS)
public record SignInRefused(UUID userId, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
