package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A vote on a comment, with the same toggle as a post's. Keyed by the post, so a post's events apply in order. */
@EventType(name = "comment-rated", topic = Topics.POSTS)
public record CommentRated(UUID postId, UUID commentId, UUID userId, String username, String rate)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
