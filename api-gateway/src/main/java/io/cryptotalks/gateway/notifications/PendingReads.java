package io.cryptotalks.gateway.notifications;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import io.cryptotalks.common.outbox.PendingEvents;
import java.util.HashSet;
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

    private final PendingEvents pending;

    PendingReads(JdbcClient jdbc, EventJson json) {
        this.pending = new PendingEvents(
                jdbc,
                json,
                "users_processed_events",
                NotificationAcknowledged.class,
                AllNotificationsAcknowledged.class);
    }

    Pending of(UUID caller) {
        Set<Long> ids = new HashSet<>();
        long upTo = 0;
        for (DomainEvent event : pending.of(caller.toString())) {
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
