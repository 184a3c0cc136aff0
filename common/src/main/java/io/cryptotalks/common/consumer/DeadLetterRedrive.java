package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the dead letters of a worker's topics back to those topics, after the fix that makes them applicable. Each run
 * takes the records dead-lettered since the previous run (its own consumer group remembers where it stopped); the
 * idempotent consumer makes a record that was meanwhile applied a no-op, and one that still fails is dead-lettered
 * again, for a later run.
 */
public class DeadLetterRedrive {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final String group;
    private final List<String> topics;

    public DeadLetterRedrive(
            ConsumerFactory<String, String> consumers,
            KafkaTemplate<String, String> kafka,
            String serviceName,
            List<String> topics) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.group = groupOf(serviceName);
        this.topics = List.copyOf(topics);
    }

    /** The consumer group that remembers how far a service's dead letters were re-driven. */
    public static String groupOf(String serviceName) {
        return serviceName + "-redrive";
    }

    /** @return per topic, how many dead letters were sent back */
    public synchronized Map<String, Integer> redrive() {
        Map<String, Integer> redriven = new LinkedHashMap<>();
        for (String topic : topics) {
            redriven.put(topic, redrive(topic));
        }
        return redriven;
    }

    private int redrive(String topic) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = consumers.createConsumer(group, group, "", overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(topic)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int count = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        republish(topic, record);
                        count++;
                    }
                }
            }
            // up to the end seen at the start: what arrived later is the next run's
            consumer.commitSync(end.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue()))));
            return count;
        }
    }

    private void republish(String topic, ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt")) {
                again.headers().add(header);
            }
        }
        try {
            kafka.send(again).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take a re-driven record: " + e.getMessage(), e);
        }
    }
}
