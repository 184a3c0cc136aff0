package io.cryptotalks.common.events.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user followed another user (never themselves: the gateway checks). Applying it twice is one follow.
 * Keyed by the follower on the users topic, so one user's follows, unfollows and account closing apply in order.
 */
@EventType(name = "user-followed", topic = Topics.USERS)
public record UserFollowed(UUID userId, UUID followedId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
