package io.cryptotalks.gateway.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The bodies of the notification endpoints. */
final class NotificationResponses {

    private NotificationResponses() {}

    /**
     * One notification. {@code type}: COMMENT, REPLY, MENTION, FOLLOW or RATING; {@code actor} who did it (for RATING
     * the latest voter, {@code actors} how many voted); the post fields are null for FOLLOW.
     */
    record Notification(
            long id,
            String type,
            String actor,
            int actors,
            UUID postId,
            String postTitle,
            String postSlug,
            UUID commentId,
            boolean read,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        Notification markedRead() {
            return new Notification(
                    id, type, actor, actors, postId, postTitle, postSlug, commentId, true, createdAt, updatedAt);
        }
    }

    /** A page, newest first; {@code count} all of the caller's notifications, {@code unread} the unread ones. */
    record Page(long count, long unread, List<Notification> rows) {}

    record UnreadCount(long unread) {}
}
