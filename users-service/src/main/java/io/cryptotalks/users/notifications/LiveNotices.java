package io.cryptotalks.users.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.notifications.NotificationsChanged;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the gateways, once the consumer's transaction has committed, whose notifications changed in it (one
 * {@link NotificationsChanged} per user and transaction). A notice is a hint for the live streams, so it is sent
 * after the commit and a failed send is only logged: a gateway also compares its streams with the table on every
 * keep-alive, which bounds how late a lost notice leaves a stream.
 */
@Component
class LiveNotices {

    private static final Logger log = LoggerFactory.getLogger(LiveNotices.class);

    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final Clock clock;

    LiveNotices(KafkaTemplate<String, String> kafka, EventJson json, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** In the consumer's transaction: the user's notifications changed in it. */
    void changed(UUID userId) {
        Changed pending = (Changed) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Changed();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.users.add(userId);
    }

    private void send(UUID userId) {
        EventEnvelope notice = EventEnvelope.of(new NotificationsChanged(userId), clock);
        try {
            kafka.send(notice.topic(), notice.aggregateId(), json.write(notice)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    log.warn("the notifications-changed notice for {} was not sent: {}", userId, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("the notifications-changed notice for {} was not sent: {}", userId, e.toString());
        }
    }

    private final class Changed implements TransactionSynchronization {

        private final Set<UUID> users = new LinkedHashSet<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LiveNotices.this);
            if (status == STATUS_COMMITTED) {
                users.forEach(LiveNotices.this::send);
            }
        }
    }
}
