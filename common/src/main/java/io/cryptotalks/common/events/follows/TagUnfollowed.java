package io.cryptotalks.common.events.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/**
 * A user stopped following a tag; unfollowing a tag not followed changes nothing.
 * Keyed by the follower on the users topic, so one user's follows, unfollows and account closing apply in order.
 */
@EventType(name = "tag-unfollowed", topic = Topics.USERS)
public record TagUnfollowed(UUID userId, String tag) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
