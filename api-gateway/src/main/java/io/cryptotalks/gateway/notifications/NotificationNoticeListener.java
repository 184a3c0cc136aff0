package io.cryptotalks.gateway.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.notifications.NotificationsChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears every {@code notifications-changed} notice and lets the live streams of that user on this instance catch
 * up. Each gateway instance is its own consumer group (a random suffix), so the instance holding a user's stream
 * hears the notice whichever instance took the request that caused it; from the latest offset, since a stream
 * catches up from the table when it opens. Never throws: a notice is not retried or dead-lettered per instance.
 */
@Component
class NotificationNoticeListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationNoticeListener.class);

    private final NotificationStreams streams;
    private final EventJson json;

    NotificationNoticeListener(NotificationStreams streams, EventJson json) {
        this.streams = streams;
        this.json = json;
    }

    @KafkaListener(
            id = "notification-streams",
            idIsGroup = false,
            topics = Topics.NOTIFICATIONS,
            groupId = "${spring.application.name}-live-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void on(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope envelope = json.read(record.value());
            if (envelope.payload() instanceof NotificationsChanged changed && streams.follows(changed.userId())) {
                streams.changed(changed.userId());
            }
        } catch (MalformedEventException unreadable) {
            log.warn("ignored an unreadable record on {}: {}", record.topic(), unreadable.getMessage());
        } catch (RuntimeException e) {
            log.warn("a live notification stream could not catch up (the keep-alive will): {}", e.toString());
        }
    }
}
