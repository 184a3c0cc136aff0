package io.cryptotalks.common.events.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user stopped following another user; unfollowing someone not followed changes nothing.
 * Keyed by the follower on the users topic, so one user's follows, unfollows and account closing apply in order.
 */
@EventType(name = "user-unfollowed", topic = Topics.USERS)
public record UserUnfollowed(UUID userId, UUID unfollowedId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
