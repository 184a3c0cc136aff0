package io.cryptotalks.posts.comments;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.posts.authors.Authors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies {@code comment-added} (the gateway assigned the comment's id) and logs POST/SUCCESS without the text. */
@Component
public class Commenting implements EventHandler<CommentAdded> {

    private static final Logger log = LoggerFactory.getLogger(Commenting.class);

    private final Comments comments;
    private final ActionLogWriter actionLog;
    private final Authors authors;

    Commenting(Comments comments, ActionLogWriter actionLog, Authors authors) {
        this.comments = comments;
        this.actionLog = actionLog;
        this.authors = authors;
    }

    @Override
    public void handle(CommentAdded event, EventEnvelope envelope) {
        if (!authors.open(event.userId(), envelope)) {
            return;
        }
        if (!comments.add(
                event.postId(),
                event.commentId(),
                event.userId(),
                event.username(),
                event.payload(),
                envelope.occurredAt())) {
            log.warn("skipped {} {}: no post {}", envelope.type(), envelope.eventId(), event.postId());
            return;
        }
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "POST",
                "User " + event.userId()
                        + " has successfully commented on the post " + event.postId() + " (comment "
                        + event.commentId() + ").",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
