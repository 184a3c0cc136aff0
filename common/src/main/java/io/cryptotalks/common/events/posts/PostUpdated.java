package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.List;
import java.util.UUID;

/** The author edited a post; every field is the new value ({@code slug} changes with the title, the old one keeps resolving). Keyed by the post, so a post's events apply in order. */
@EventType(name = "post-updated", topic = Topics.POSTS)
public record PostUpdated(
        UUID postId, String title, String slug, List<String> content, String preview, List<String> searchTags)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
