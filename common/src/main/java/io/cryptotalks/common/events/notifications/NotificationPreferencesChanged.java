package io.cryptotalks.common.events.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user saved which notifications they want (every field the new value): per type, and an email for mentions and for
 * comments and replies in their threads. Keyed by the user on the users topic.
 */
@EventType(name = "notification-preferences-changed", topic = Topics.USERS)
public record NotificationPreferencesChanged(
        UUID userId,
        boolean comments,
        boolean replies,
        boolean mentions,
        boolean follows,
        boolean ratings,
        boolean emailMentions,
        boolean emailReplies)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
