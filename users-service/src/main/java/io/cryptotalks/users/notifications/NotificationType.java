package io.cryptotalks.users.notifications;

/** What a notification tells its user; stored by name in {@code notifications.type}. */
public enum NotificationType {
    /** someone commented on your post */
    COMMENT,
    /** someone commented on a post whose comments you are in */
    REPLY,
    /** someone mentioned you in a post or a comment */
    MENTION,
    /** someone followed you */
    FOLLOW,
    /** people voted on your post: one unread notification per post, counting them */
    RATING
}
