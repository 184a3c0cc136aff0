package io.cryptotalks.common.events.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.List;
import java.util.UUID;

/**
 * A post was written; the gateway assigned its id and its unique slug. {@code content} holds the Markdown paragraphs.
 * {@code cashtags}: the coins its title, preview and content name, with their price at that moment (added after the
 * first version: an event without the field has none). Keyed by the post, so a post's events apply in order.
 */
@EventType(name = "post-created", topic = Topics.POSTS)
public record PostCreated(
        UUID postId,
        UUID userId,
        String username,
        String title,
        String slug,
        List<String> content,
        String preview,
        List<String> searchTags,
        List<Cashtag> cashtags)
        implements DomainEvent {

    public PostCreated {
        cashtags = cashtags == null ? List.of() : List.copyOf(cashtags);
    }

    /** A post without cashtags. */
    public PostCreated(
            UUID postId,
            UUID userId,
            String username,
            String title,
            String slug,
            List<String> content,
            String preview,
            List<String> searchTags) {
        this(postId, userId, username, title, slug, content, preview, searchTags, List.of());
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
