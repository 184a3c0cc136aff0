package io.cryptotalks.common.events.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user marked all their notifications read: those up to {@code upToId}, the newest they could have seen, so one
 * that arrives between the click and the event's application stays unread. Keyed by the user on the users topic.
 */
@EventType(name = "all-notifications-acknowledged", topic = Topics.USERS)
public record AllNotificationsAcknowledged(UUID userId, long upToId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
