package io.cryptotalks.users.follows;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A follow is a {@code user_follows} row; {@code users.followers} and {@code users.following} count those rows and
 * move, in the consumer's transaction, only when a row really came or went: a second follow, an unfollow of someone not
 * followed and a redelivery change nothing.
 * <p>
 * Both users' rows are locked first, in id order (no deadlock between two follows of the same pair from both sides).
 * The gateway deletes a closing account's {@code users} row before it emits {@code user-account-closed}: a follow
 * that finds a row missing belongs to a closed account and is skipped, and a follow that holds the locks makes the
 * closing wait until it has committed, so the closing's clean-up then sees (and removes) it.
 */
@Component
public class UserFollows {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    UserFollows(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    /** @return whether the follow is new (a second follow and a redelivery are not) */
    public boolean followed(UserFollowed event, EventEnvelope envelope) {
        String outcome;
        boolean added = false;
        if (!lockBoth(event.userId(), event.followedId())) {
            outcome = "skipped: an account is closed";
        } else if (jdbc.sql("""
                        insert into user_follows (follower_id, followed_id, created_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(event.userId(), event.followedId(), Timestamp.from(envelope.occurredAt()))
                        .update()
                == 1) {
            count(event.userId(), event.followedId(), 1);
            added = true;
            outcome = "now follows";
        } else {
            outcome = "already followed";
        }
        log(envelope, "User " + event.userId() + " follows user " + event.followedId() + " (" + outcome + ").");
        return added;
    }

    public void unfollowed(UserUnfollowed event, EventEnvelope envelope) {
        lockBoth(event.userId(), event.unfollowedId());
        int deleted = jdbc.sql("delete from user_follows where follower_id = ? and followed_id = ?")
                .params(event.userId(), event.unfollowedId())
                .update();
        if (deleted == 1) {
            count(event.userId(), event.unfollowedId(), -1);
        }
        log(
                envelope,
                "User " + event.userId() + " unfollowed user " + event.unfollowedId()
                        + (deleted == 1 ? "." : " (was not followed)."));
    }

    /** Locks the users rows that exist, in id order; whether both do. */
    private boolean lockBoth(UUID follower, UUID followed) {
        List<UUID> locked = jdbc.sql("select id from users where id in (?, ?) order by id for no key update")
                .params(follower, followed)
                .query(UUID.class)
                .list();
        return locked.size() == 2;
    }

    private void count(UUID follower, UUID followed, int delta) {
        jdbc.sql("update users set following = following + ? where id = ?")
                .params(delta, follower)
                .update();
        jdbc.sql("update users set followers = followers + ? where id = ?")
                .params(delta, followed)
                .update();
    }

    private void log(EventEnvelope envelope, String message) {
        actionLog.write(ActionLog.success(
                envelope.eventId(), "FOLLOW", message, envelope.aggregateId(), envelope.occurredAt()));
    }
}
