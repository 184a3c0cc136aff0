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

    public String group() {
        return group;
    }

    public Map<String, TopicBacklog> measure() {
        return ask(admin -> {
            List<String> all = new ArrayList<>(topics);
            topics.forEach(topic -> all.add(Topics.deadLetter(topic)));
            List<TopicPartition> partitions = partitionsOf(admin, all);
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> lag = behind(partitions, end, start, committed(admin, group));
            Map<TopicPartition, Long> waiting = behind(partitions, end, start, committed(admin, redriveGroup));
            Map<String, TopicBacklog> backlog = new LinkedHashMap<>();
            for (String topic : topics) {
                backlog.put(topic, new TopicBacklog(sum(lag, topic), sum(waiting, Topics.deadLetter(topic))));
            }
            return backlog;
        });
    }

    /** The group's lag on each partition of its topics (dead letters not included). */
    public Map<TopicPartition, Long> lagByPartition() {
        return ask(admin -> {
            List<TopicPartition> partitions = partitionsOf(admin, topics);
            return behind(
                    partitions,
                    offsets(admin, partitions, OffsetSpec.latest()),
                    offsets(admin, partitions, OffsetSpec.earliest()),
                    committed(admin, group));
        });
    }

    private interface AdminCall<T> {
        T on(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private <T> T ask(AdminCall<T> call) {
        Admin admin = admins.get();
        try {
            return call.on(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for the consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the consumer lag: " + e.getMessage(), e);
        } finally {
            admin.close(Duration.ofSeconds(1)); // never wait on calls still pending when Kafka is away
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described
                .values()
                .forEach(topic -> topic.partitions()
                        .forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
        return partitions;
    }

    /** Per partition, the records past the committed offset (from the earliest offset where none is committed). */
    private static Map<TopicPartition, Long> behind(
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> behind = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = Math.max(start.getOrDefault(partition, 0L), offset == null ? 0 : offset.offset());
            behind.put(partition, Math.max(0, end.getOrDefault(partition, 0L) - from));
        }
        return behind;
    }

    private static long sum(Map<TopicPartition, Long> byPartition, String topic) {
        return byPartition.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue)
                .sum();
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
