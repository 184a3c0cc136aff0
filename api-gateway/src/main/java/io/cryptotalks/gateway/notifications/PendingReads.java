package io.cryptotalks.gateway.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventCatalog;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The caller's "mark read" events the users-service has not applied yet (in the outbox, not in
 * {@code users_processed_events}): read inside the caller's snapshot, so a read counts in the rows or here, never
 * both or neither (the pattern of the follows' {@code PendingFollows}).
 */
@Repository
class PendingReads {

    private static final String PENDING = """
            select envelope from outbox o
            where o.message_key = :key and o.event_type in ('%s', '%s')
              and not exists (select 1 from users_processed_events p where p.event_id = o.event_id)
            order by o.seq""".formatted(
                    EventCatalog.typeOf(NotificationAcknowledged.class).name(),
                    EventCatalog.typeOf(AllNotificationsAcknowledged.class).name());

    private final JdbcClient jdbc;
    private final EventJson json;

    PendingReads(JdbcClient jdbc, EventJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Pending of(UUID caller) {
        Set<Long> ids = new HashSet<>();
        long upTo = 0;
        List<DomainEvent> events = jdbc.sql(PENDING)
                .param("key", caller.toString())
                .query((rs, row) -> json.read(rs.getString("envelope")).payload())
                .list();
        for (DomainEvent event : events) {
            if (event instanceof NotificationAcknowledged read) {
                ids.add(read.notificationId());
            } else if (event instanceof AllNotificationsAcknowledged all) {
                upTo = Math.max(upTo, all.upToId());
            }
        }
        return new Pending(ids, upTo);
    }

    /** Notifications the caller has read but the rows do not show yet: these ids and all up to {@code upTo}. */
    record Pending(Set<Long> ids, long upTo) {

        boolean isEmpty() {
            return ids.isEmpty() && upTo == 0;
        }

        boolean covers(long id) {
            return id <= upTo || ids.contains(id);
        }
    }
}
