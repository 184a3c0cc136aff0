package io.cryptotalks.common.operations;

import io.cryptotalks.common.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a worker's consumer group is behind on its topics, and how many dead letters wait for a re-drive: read from
 * the broker with the admin client (committed offsets against the log-end offsets), so it is what an operator's
 * {@code kafka-consumer-groups --describe} would say.
 */
public class ConsumerBacklog {

    private static final long TIMEOUT_SECONDS = 5;

    private final Supplier<Admin> admins;
    private final String group;
    private final String redriveGroup;
    private final List<String> topics;

    /**
     * @param admins       a new admin client per call (closed after it)
     * @param group        the worker's consumer group ({@code spring.application.name})
     * @param redriveGroup the group that remembers how far the dead letters were re-driven
     * @param topics       the topics the worker consumes
     */
    public ConsumerBacklog(Supplier<Admin> admins, String group, String redriveGroup, List<String> topics) {
        this.admins = admins;
        this.group = group;
        this.redriveGroup = redriveGroup;
        this.topics = List.copyOf(topics);
    }

    /** Per topic: the lag (records not yet consumed) and the dead letters not yet re-driven. */
    public record TopicBacklog(long lag, long deadLetters) {}

    public Map<String, TopicBacklog> measure() {
        Admin admin = admins.get();
        try {
            List<String> all = new ArrayList<>(topics);
            topics.forEach(topic -> all.add(Topics.deadLetter(topic)));
            Map<String, TopicDescription> described =
                    admin.describeTopics(all).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            described
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(partition ->
                                    partitions.add(new TopicPartition(topic.name(), partition.partition()))));
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> consumed = committed(admin, group);
            Map<TopicPartition, OffsetAndMetadata> redriven = committed(admin, redriveGroup);
            Map<String, TopicBacklog> backlog = new LinkedHashMap<>();
            for (String topic : topics) {
                backlog.put(
                        topic,
                        new TopicBacklog(
                                behind(topic, partitions, end, start, consumed),
                                behind(Topics.deadLetter(topic), partitions, end, start, redriven)));
            }
            return backlog;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for the consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the consumer lag: " + e.getMessage(), e);
        } finally {
            admin.close(Duration.ofSeconds(1)); // never wait on calls still pending when Kafka is away
        }
    }

    /** The records of a topic past the group's committed offsets (from the earliest offset where none is committed). */
    private static long behind(
            String topic,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        long sum = 0;
        for (TopicPartition partition : partitions) {
            if (!partition.topic().equals(topic)) {
                continue;
            }
            OffsetAndMetadata offset = committed.get(partition);
            long from = Math.max(start.getOrDefault(partition, 0L), offset == null ? 0 : offset.offset());
            sum += Math.max(0, end.getOrDefault(partition, 0L) - from);
        }
        return sum;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                present.put(partition, offset);
            }
        });
        return present;
    }
}
