package io.cryptotalks.gateway.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventCatalog;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The event types are constants in the text, so the outbox's partial index applies to every plan. */
    private static final String PENDING = """
            select envelope from outbox o
            where o.message_key = :key and o.event_type in ('%s', '%s', '%s', '%s')
              and not exists (select 1 from users_processed_events p where p.event_id = o.event_id)
            order by o.seq""".formatted(
            name(UserFollowed.class), name(UserUnfollowed.class), name(TagFollowed.class), name(TagUnfollowed.class));

    private final JdbcClient jdbc;
    private final EventJson json;

    PendingFollows(JdbcClient jdbc, EventJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Pending of(UUID caller) {
        Map<UUID, Boolean> users = new LinkedHashMap<>();
        Map<String, Boolean> tags = new LinkedHashMap<>();
        List<DomainEvent> events = jdbc.sql(PENDING)
                .param("key", caller.toString())
                .query((rs, row) -> json.read(rs.getString("envelope")).payload())
                .list();
        for (DomainEvent event : events) {
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

    private static String name(Class<? extends DomainEvent> type) {
        return EventCatalog.typeOf(type).name();
    }
}
