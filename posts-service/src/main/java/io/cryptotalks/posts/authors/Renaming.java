package io.cryptotalks.posts.authors;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserProfileUpdated;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A profile update that changes the username renames the author everywhere this service shows a name: posts,
 * comments, post and comment votes. Profile updates that keep the name change nothing.
 */
@Component
public class Renaming implements EventHandler<UserProfileUpdated> {

    /** The SQL that names a user by the newest name this service knows: use it wherever an event's name is stored. */
    public static final String CURRENT_NAME =
            "coalesce((select a.username from post_authors a where a.user_id = :userId), :username)";

    private static final List<String> NAMED_ROWS = List.of("posts", "comments", "post_ratings", "comment_ratings");

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    Renaming(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserProfileUpdated event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into post_authors (user_id, username, renamed_at) values (:userId, :username, :at)
                        on conflict (user_id) do update set username = excluded.username, renamed_at = excluded.renamed_at
                        where post_authors.username is distinct from excluded.username
                        """)
                .param("userId", event.userId())
                .param("username", event.username())
                .param("at", envelope.occurredAt().atOffset(ZoneOffset.UTC))
                .update();
        int renamed = 0;
        for (String table : NAMED_ROWS) {
            renamed += jdbc.sql("update " + table + " set username = :username where user_id = :userId"
                            + " and username <> :username")
                    .param("userId", event.userId())
                    .param("username", event.username())
                    .update();
        }
        if (renamed > 0) {
            actionLog.write(ActionLog.success(
                    envelope.eventId(),
                    "POST",
                    "User " + event.userId() + " is now " + event.username() + " on " + renamed
                            + " posts, comments and votes.",
                    event.userId().toString(),
                    envelope.occurredAt()));
        }
    }
}
