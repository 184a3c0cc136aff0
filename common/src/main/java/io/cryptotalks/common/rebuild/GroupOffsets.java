package io.cryptotalks.common.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** A consumer group's offsets on its topics, through the admin client: what {@code kafka-consumer-groups} does. */
final class GroupOffsets {

    private static final long TIMEOUT_SECONDS = 10;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Admin admin;
    private final String group;
    private final List<String> topics;

    GroupOffsets(Admin admin, String group, List<String> topics) {
        this.admin = admin;
        this.group = group;
        this.topics = List.copyOf(topics);
    }

    /**
     * Until no consumer is a member of the group: Kafka refuses to move the offsets of a group with members. A stopped
     * worker leaves at once; a killed one is dropped after its session timeout (10 s).
     */
    void awaitNoMembers(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int members = members();
        while (members > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("consumer group " + group + " still has " + members
                        + " member(s) after " + timeout.toSeconds() + " s: stop every instance of the worker first");
            }
            pause();
            members = members();
        }
    }

    /**
     * Moves the group to the earliest offset of every partition of its topics; refuses when a partition's log does not
     * start at offset 0.
     *
     * @return how many records the group had consumed there (its committed offsets minus the earliest ones): the
     *     records it reads again
     */
    long resetToEarliest() {
        Map<TopicPartition, Long> earliest = earliest();
        // a log that no longer starts at offset 0 lost its oldest events (a retention, or records deleted): replaying
        // it into empty tables would lose what they wrote, so nothing is touched
        earliest.forEach((partition, offset) -> {
            if (offset > 0) {
                throw new IllegalStateException(partition + " starts at offset " + offset
                        + ": its oldest events are gone (expired before KAFKA_TOPIC_RETENTION_MS=-1, or deleted), so"
                        + " a replay cannot rebuild the tables; nothing was changed");
            }
        });
        Map<TopicPartition, OffsetAndMetadata> committed = call(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        long reread = 0;
        Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> partition : earliest.entrySet()) {
            OffsetAndMetadata offset = committed.get(partition.getKey());
            if (offset != null) {
                reread += Math.max(0, offset.offset() - partition.getValue());
            }
            reset.put(partition.getKey(), new OffsetAndMetadata(partition.getValue()));
        }
        call(() -> admin.alterConsumerGroupOffsets(group, reset).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return reread;
    }

    private Map<TopicPartition, Long> earliest() {
        List<TopicPartition> partitions = new ArrayList<>();
        call(() -> admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .values()
                .forEach(topic -> topic.partitions()
                        .forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition()))));
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.earliest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        call(() -> admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The group's members; none when Kafka does not know the group (its worker never consumed). */
    private int members() {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return description.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new IllegalStateException("Kafka did not answer, or refused: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static void pause() {
        try {
            // a poll of the broker's view of the group, not a wait for something in this process
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumer group to empty", e);
        }
    }

    private static <T> T call(KafkaCall<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer, or refused: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface KafkaCall<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }
}
