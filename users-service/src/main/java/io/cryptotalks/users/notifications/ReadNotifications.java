package io.cryptotalks.users.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import org.springframework.stereotype.Component;

/** The users topic's part: reads and follows. */
@Component
public class ReadNotifications {

    private final NotificationStore store;

    ReadNotifications(NotificationStore store) {
        this.store = store;
    }

    public void read(NotificationAcknowledged event, EventEnvelope envelope) {
        store.read(event.userId(), event.notificationId());
    }

    public void readAll(AllNotificationsAcknowledged event, EventEnvelope envelope) {
        store.readAll(event.userId(), event.upToId());
    }

    /** Called only for a follow that really came (not a second follow or a redelivery). */
    public void followed(UserFollowed event, EventEnvelope envelope) {
        store.add(event.followedId(), NotificationType.FOLLOW, event.userId(), null, null, envelope.occurredAt());
    }
}
