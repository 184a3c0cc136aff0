package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** Someone commented on a post; the gateway assigned the comment's id. Keyed by the post, so a post's events apply in order. */
@EventType(name = "comment-added", topic = Topics.POSTS)
public record CommentAdded(UUID postId, UUID commentId, UUID userId, String username, String payload)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
