package io.cryptotalks.posts.post;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.posts.authors.Authors;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a post's own events (the gateway has validated them and assigned the id and the unique slug), each in the
 * consumer's one transaction, and logs POST/SUCCESS (ids and slugs, never the text). An event for a post that is not
 * there (deleted meanwhile) is skipped and logged, never retried.
 */
@Component
public class PostAuthoring {

    private static final Logger log = LoggerFactory.getLogger(PostAuthoring.class);
    private static final String POST = "POST";

    private final Posts posts;
    private final ActionLogWriter actionLog;
    private final Authors authors;

    PostAuthoring(Posts posts, ActionLogWriter actionLog, Authors authors) {
        this.posts = posts;
        this.actionLog = actionLog;
        this.authors = authors;
    }

    public void created(PostCreated event, EventEnvelope envelope) {
        if (!authors.open(event.userId(), envelope)) {
            return;
        }
        boolean created = posts.create(
                new Posts.NewPost(
                        event.postId(),
                        event.userId(),
                        event.username(),
                        event.title(),
                        event.slug(),
                        event.content(),
                        event.preview(),
                        event.searchTags(),
                        event.cashtags()),
                envelope.occurredAt());
        if (!created) {
            log.warn("skipped {} {}: post {} exists already", envelope.type(), envelope.eventId(), event.postId());
            return;
        }
        write(
                envelope,
                event.userId(),
                "User " + event.userId() + " has successfully created the post " + event.postId() + " (" + event.slug()
                        + ").");
    }

    public void updated(PostUpdated event, EventEnvelope envelope) {
        posts.update(
                        event.postId(),
                        event.title(),
                        event.slug(),
                        event.content(),
                        event.preview(),
                        event.searchTags(),
                        event.cashtags(),
                        envelope.occurredAt())
                .ifPresentOrElse(
                        post -> write(
                                envelope,
                                post.userId(),
                                "User " + post.userId() + " has successfully updated the post " + event.postId() + " ("
                                        + event.slug() + ")."),
                        () -> skipped(envelope, event.postId()));
    }

    public void deleted(PostDeleted event, EventEnvelope envelope) {
        posts.delete(event.postId())
                .ifPresentOrElse(
                        post -> write(
                                envelope,
                                event.userId(),
                                "User " + event.userId() + " has successfully deleted the post " + event.postId() + " ("
                                        + post.slug() + ")."),
                        () -> skipped(envelope, event.postId()));
    }

    private void write(EventEnvelope envelope, UUID userId, String message) {
        actionLog.write(ActionLog.success(envelope.eventId(), POST, message, userId.toString(), envelope.occurredAt()));
    }

    private static void skipped(EventEnvelope envelope, UUID postId) {
        log.warn("skipped {} {}: no post {}", envelope.type(), envelope.eventId(), postId);
    }
}
