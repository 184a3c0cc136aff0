package io.cryptotalks.common.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/backlog}: what waits. A worker: {@code consumerLag} and {@code deadLetters} (sums) and per topic
 * {@code {lag, deadLetters}}; a service with an outbox (the gateway): {@code outbox}, its unpublished rows. What cannot
 * be measured at the moment (Kafka or the database down) is reported as {@code -1} with an {@code error}.
 * {@code ./cryptotalks status} shows it.
 */
@Endpoint(id = "backlog")
public class BacklogEndpoint {

    private final ConsumerBacklog consumer;
    private final OutboxBacklog outbox;

    /** Either may be null: a worker has no outbox, the gateway no consumer group of its own. */
    public BacklogEndpoint(ConsumerBacklog consumer, OutboxBacklog outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @ReadOperation
    public Map<String, Object> backlog() {
        Map<String, Object> backlog = new LinkedHashMap<>();
        if (consumer != null) {
            try {
                Map<String, ConsumerBacklog.TopicBacklog> topics = consumer.measure();
                backlog.put(
                        "consumerLag",
                        topics.values().stream()
                                .mapToLong(ConsumerBacklog.TopicBacklog::lag)
                                .sum());
                backlog.put(
                        "deadLetters",
                        topics.values().stream()
                                .mapToLong(ConsumerBacklog.TopicBacklog::deadLetters)
                                .sum());
                backlog.put("topics", topics);
            } catch (RuntimeException e) {
                backlog.put("consumerLag", -1);
                backlog.put("deadLetters", -1);
                backlog.put("error", e.getMessage());
            }
        }
        if (outbox != null) {
            try {
                backlog.put("outbox", outbox.unpublished());
            } catch (RuntimeException e) {
                backlog.put("outbox", -1);
                backlog.put("error", e.getMessage());
            }
        }
        return backlog;
    }
}
