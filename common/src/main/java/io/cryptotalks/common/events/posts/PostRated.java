package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A vote on a post: the same sign again withdraws the vote, the other sign flips it. Keyed by the post, so a post's events apply in order. */
@EventType(name = "post-rated", topic = Topics.POSTS)
public record PostRated(UUID postId, UUID userId, String username, String rate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
