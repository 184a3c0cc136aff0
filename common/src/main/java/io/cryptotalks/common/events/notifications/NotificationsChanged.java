package io.cryptotalks.common.events.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * The users-service committed a change to a user's notifications (a new one, a batched vote counted, one or all
 * read, a post's taken away): the gateway instance holding that user's live stream sends what changed. A notice,
 * not state: the {@code notifications} table is the truth, and a gateway catches up from it by itself.
 */
@EventType(name = "notifications-changed", topic = Topics.NOTIFICATIONS)
public record NotificationsChanged(UUID userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
