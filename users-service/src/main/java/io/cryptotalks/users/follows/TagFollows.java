package io.cryptotalks.users.follows;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tag follow is a {@code tag_follows} row; {@code tag_followers.followers} counts them and moves only when a row
 * came or went. The follower's users row is locked first, as for user follows: a closed account follows nothing.
 */
@Component
public class TagFollows {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    TagFollows(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    public void followed(TagFollowed event, EventEnvelope envelope) {
        boolean open = jdbc.sql("select id from users where id = ? for no key update")
                .param(event.userId())
                .query(UUID.class)
                .optional()
                .isPresent();
        int inserted = !open
                ? 0
                : jdbc.sql("""
                        insert into tag_follows (user_id, tag, created_at) values (?, ?, ?) on conflict do nothing""")
                        .params(event.userId(), event.tag(), Timestamp.from(envelope.occurredAt()))
                        .update();
        if (inserted == 1) {
            jdbc.sql("""
                    insert into tag_followers (tag, followers) values (?, 1)
                    on conflict (tag) do update set followers = tag_followers.followers + 1""").param(event.tag()).update();
        }
        log(
                envelope,
                "User " + event.userId() + " follows the tag " + event.tag()
                        + (open ? inserted == 1 ? "." : " (already followed)." : " (skipped: the account is closed)."));
    }

    public void unfollowed(TagUnfollowed event, EventEnvelope envelope) {
        int deleted = jdbc.sql("delete from tag_follows where user_id = ? and tag = ?")
                .params(event.userId(), event.tag())
                .update();
        if (deleted == 1) {
            jdbc.sql("update tag_followers set followers = followers - 1 where tag = ?")
                    .param(event.tag())
                    .update();
        }
        log(
                envelope,
                "User " + event.userId() + " unfollowed the tag " + event.tag()
                        + (deleted == 1 ? "." : " (was not followed)."));
    }

    private void log(EventEnvelope envelope, String message) {
        actionLog.write(ActionLog.success(
                envelope.eventId(), "FOLLOW", message, envelope.aggregateId(), envelope.occurredAt()));
    }
}
