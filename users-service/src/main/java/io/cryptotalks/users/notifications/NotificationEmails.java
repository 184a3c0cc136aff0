package io.cryptotalks.users.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.users.UsersProperties;
import io.cryptotalks.users.outgoing.Outbox;
import io.cryptotalks.users.outgoing.OutgoingMessage;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The email of a mention, comment or reply, through the users-service's mail path ({@code outgoing_messages}, sent
 * after commit), at most one per user and thread (post) per hour: {@code notification_emails} holds the last one, and
 * the conditional upsert decides in one statement, so two comments applied at once cannot both send. The hour is
 * measured in event time, so a redelivery decides as the first delivery did (and its idempotency key queues nothing).
 */
@Component
class NotificationEmails {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Preferences preferences;
    private final UsersProperties properties;

    NotificationEmails(JdbcClient jdbc, Outbox outbox, Preferences preferences, UsersProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.preferences = preferences;
        this.properties = properties;
    }

    void about(EventEnvelope cause, UUID userId, NotificationType type, String actor, UUID postId) {
        if (!preferences.emails(userId, type)) {
            return;
        }
        Timestamp at = Timestamp.from(cause.occurredAt());
        boolean due = jdbc.sql("""
                        insert into notification_emails (user_id, post_id, last_sent_at) values (?, ?, ?)
                        on conflict (user_id, post_id) do update set last_sent_at = excluded.last_sent_at
                        where notification_emails.last_sent_at <= excluded.last_sent_at - interval '1 hour'""").params(userId, postId, at).update() == 1;
        Optional<Recipient> recipient = jdbc.sql("select email, username from users where id = ?")
                .param(userId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2)))
                .optional();
        Optional<String[]> post = jdbc.sql("select title, slug from notification_posts where post_id = ?")
                .param(postId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (!due || recipient.isEmpty() || post.isEmpty()) {
            return;
        }
        String link =
                properties.frontEndUrl().resolve("/posts/" + post.get()[1]).toString();
        String what = switch (type) {
            case MENTION -> "mentioned you in";
            case COMMENT -> "commented on your post";
            default -> "replied in";
        };
        outbox.queue(OutgoingMessage.email(
                cause,
                "notify:" + userId,
                userId,
                recipient.get().email(),
                "Cryptotalks - " + actor + " " + what + " \"" + post.get()[0] + "\"",
                """
                        Hello %s,

                        %s %s "%s": %s

                        You get at most one such email per thread an hour; turn them off in your settings.
                        """.formatted(recipient.get().username(), actor, what, post.get()[0], link)));
    }

    private record Recipient(String email, String username) {}
}
