package io.cryptotalks.gateway.notifications;

import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.web.ApiError;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marking notifications read: the gateway checks what must be decided at once (the notification is the caller's), the
 * event leaves through the outbox keyed by the caller, the users-service applies it; the caller reads the change at
 * once through {@link Notifications}.
 */
@Service
class NotificationWrites {

    private final Notifications notifications;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    NotificationWrites(Notifications notifications, OutboxWriter outbox, TransactionTemplate transactions) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void read(UUID caller, long id) {
        transactions.executeWithoutResult(status -> {
            if (!notifications.owns(caller, id)) {
                throw ApiError.NOTIFICATION_NOT_FOUND.exception();
            }
            outbox.append(new NotificationAcknowledged(caller, id));
        });
    }

    /** Up to the newest the caller has now: one that arrives later stays unread. */
    void readAll(UUID caller) {
        transactions.executeWithoutResult(status -> {
            long newest = notifications.newestId(caller);
            if (newest > 0) {
                outbox.append(new AllNotificationsAcknowledged(caller, newest));
            }
        });
    }
}
