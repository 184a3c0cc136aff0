package io.cryptotalks.gateway.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import io.cryptotalks.common.outbox.PendingEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The caller's follow events the users-service has not applied yet (still in the outbox, not in
 * {@code users_processed_events}), reduced to the last word per user and per tag: true = follows, false = does not.
 * Read inside the caller's snapshot ({@link Follows}), so an event counts in the rows or here, never both or neither.
 */
@Repository
class PendingFollows {

    private final PendingEvents pending;

    PendingFollows(JdbcClient jdbc, EventJson json) {
        this.pending = new PendingEvents(
                jdbc,
                json,
                "users_processed_events",
                UserFollowed.class,
                UserUnfollowed.class,
                TagFollowed.class,
                TagUnfollowed.class);
    }

    Pending of(UUID caller) {
        Map<UUID, Boolean> users = new LinkedHashMap<>();
        Map<String, Boolean> tags = new LinkedHashMap<>();
        for (DomainEvent event : pending.of(caller.toString())) {
            if (event instanceof UserFollowed followed) {
                users.put(followed.followedId(), true);
            } else if (event instanceof UserUnfollowed unfollowed) {
                users.put(unfollowed.unfollowedId(), false);
            } else if (event instanceof TagFollowed followed) {
                tags.put(followed.tag(), true);
            } else if (event instanceof TagUnfollowed unfollowed) {
                tags.put(unfollowed.tag(), false);
            }
        }
        return new Pending(users, tags);
    }

    /** The caller's last word on each user and tag that has a pending event. */
    record Pending(Map<UUID, Boolean> users, Map<String, Boolean> tags) {}
}
