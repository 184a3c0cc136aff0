package io.cryptotalks.users.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.notifications.NotificationPreferencesChanged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's {@code notification_preferences}; no row means every type on, emails on (the table's defaults). */
@Component
public class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void changed(NotificationPreferencesChanged event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into notification_preferences
                            (user_id, comments, replies, mentions, follows, ratings, email_mentions, email_replies)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (user_id) do update set comments = excluded.comments, replies = excluded.replies,
                            mentions = excluded.mentions, follows = excluded.follows, ratings = excluded.ratings,
                            email_mentions = excluded.email_mentions, email_replies = excluded.email_replies""")
                .params(
                        event.userId(),
                        event.comments(),
                        event.replies(),
                        event.mentions(),
                        event.follows(),
                        event.ratings(),
                        event.emailMentions(),
                        event.emailReplies())
                .update();
    }

    /** Whether the user wants notifications of this type. The column names are constants, never input. */
    boolean wants(UUID userId, NotificationType type) {
        return flag(
                userId,
                switch (type) {
                    case COMMENT -> "comments";
                    case REPLY -> "replies";
                    case MENTION -> "mentions";
                    case FOLLOW -> "follows";
                    case RATING -> "ratings";
                });
    }

    /** Whether the user wants an email for this type: mentions, and comments and replies in their threads. */
    boolean emails(UUID userId, NotificationType type) {
        return switch (type) {
            case MENTION -> flag(userId, "email_mentions");
            case COMMENT, REPLY -> flag(userId, "email_replies");
            case FOLLOW, RATING -> false;
        };
    }

    private boolean flag(UUID userId, String column) {
        return jdbc.sql("select " + column + " from notification_preferences where user_id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }
}
