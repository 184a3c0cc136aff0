package io.cryptotalks.users.notifications;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the notifications keep of a closed account goes with it: its notifications, those it caused (their actor is
 * gone; the list already leaves them out), its preferences and its place in threads and mentions.
 */
@Component
public class ClosedAccountNotifications {

    private static final List<String> DELETIONS = List.of(
            "delete from notifications where user_id = :user or actor_id = :user",
            "delete from notification_preferences where user_id = :user",
            "delete from notification_commenters where user_id = :user",
            "delete from notification_mentions where user_id = :user",
            "delete from notification_voters where user_id = :user");

    private final JdbcClient jdbc;

    ClosedAccountNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the consumer's transaction. */
    public void delete(UUID userId) {
        DELETIONS.forEach(deletion -> jdbc.sql(deletion).param("user", userId).update());
    }
}
