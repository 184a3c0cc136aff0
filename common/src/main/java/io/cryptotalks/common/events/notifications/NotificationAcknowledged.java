package io.cryptotalks.common.events.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user marked one of their notifications read (the gateway checked it is theirs). Applying it twice is one read.
 * Keyed by the user on the users topic, so one user's reads apply in order with their other events.
 */
@EventType(name = "notification-acknowledged", topic = Topics.USERS)
public record NotificationAcknowledged(UUID userId, long notificationId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
