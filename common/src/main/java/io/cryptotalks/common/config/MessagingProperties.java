package io.cryptotalks.common.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cryptotalks.messaging.*}: the topics a service declares (each with its dead-letter topic), the consumer's
 * processed-events table, retry policy and the outbox switches.
 */
@ConfigurationProperties("cryptotalks.messaging")
public record MessagingProperties(
        List<String> topics,
        Integer partitions,
        Short replicationFactor,
        Retention retention,
        String processedEventsTable,
        Retry retry,
        Outbox outbox) {

    public MessagingProperties {
        topics = topics == null ? List.of() : topics;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retention = retention == null ? new Retention(null, null, null) : retention;
        retry = retry == null ? new Retry(null, null, null) : retry;
        outbox = outbox == null ? new Outbox(false, true, null, null, null) : outbox;
    }

    /**
     * Kafka's {@code retention.ms} of the topics a service declares, set at creation and on topics that exist. A worker's
     * tables are rebuilt by replaying its topics from the start, so the event topics keep everything by default (-1);
     * a dead letter is an alarm to act on (its original record stays in the event topic), so those expire, and so do
     * the notice topics ({@link io.cryptotalks.common.events.Topics#isNotice}), read from the latest offset only.
     */
    public record Retention(Long eventsMs, Long deadLettersMs, Long noticesMs) {

        public Retention {
            eventsMs = eventsMs == null ? -1 : eventsMs;
            noticesMs = noticesMs == null ? Duration.ofDays(1).toMillis() : noticesMs;
            deadLettersMs = deadLettersMs == null ? Duration.ofDays(30).toMillis() : deadLettersMs;
        }
    }

    /** Bounded retries with exponential back-off before a record is dead-lettered. */
    public record Retry(Integer attempts, Duration initialInterval, Duration maxInterval) {

        public Retry {
            attempts = attempts == null ? 4 : attempts;
            initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(5) : maxInterval;
        }
    }

    public record Outbox(
            boolean enabled, boolean relayEnabled, Integer batchSize, Duration sendTimeout, Duration retention) {

        public Outbox {
            batchSize = batchSize == null ? 100 : batchSize;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
            retention = retention == null ? Duration.ofDays(7) : retention;
        }
    }
}
