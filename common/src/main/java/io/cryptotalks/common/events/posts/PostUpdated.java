package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.List;
import java.util.UUID;

/**
 * The author edited a post; every field is the new value ({@code slug} changes with the title, the old one keeps
 * resolving). {@code cashtags} is the post's whole set after the edit: a coin it named before keeps the price it was
 * first named at, a newly named one has the price at the edit, one no longer named is gone (added after the first
 * version: an event without the field leaves the post's cashtags as they are). Keyed by the post, so a post's events
 * apply in order.
 */
@EventType(name = "post-updated", topic = Topics.POSTS)
public record PostUpdated(
        UUID postId,
        String title,
        String slug,
        List<String> content,
        String preview,
        List<String> searchTags,
        List<Cashtag> cashtags)
        implements DomainEvent {

    /** An edit of a post without cashtags. */
    public PostUpdated(
            UUID postId, String title, String slug, List<String> content, String preview, List<String> searchTags) {
        this(postId, title, slug, content, preview, searchTags, List.of());
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
