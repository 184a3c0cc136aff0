package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The author deleted a post (second factor checked); its comments and votes go with it. Keyed by the post, so a post's events apply in order. */
@EventType(name = "post-deleted", topic = Topics.POSTS)
public record PostDeleted(UUID postId, UUID userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
