package io.cryptotalks.cryptorates;

import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.devstack.DevStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Reads the market topic from the moment it is opened, as the gateway does (every notice from its start on). The
 * service sends its notices without waiting for the broker, so opening flushes its producer first: otherwise an
 * earlier run's notice could land after the seek and pass for the run under test.
 */
public final class MarketTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final EventJson json = new EventJson();
    private final List<EventEnvelope> seen = new ArrayList<>();

    private MarketTopic() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        DevStack.shared().kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKET).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static MarketTopic fromNow(KafkaTemplate<String, String> sentBefore) {
        sentBefore.flush();
        return new MarketTopic();
    }

    /** Waits for a notice that matches, and returns it with its key. */
    public EventEnvelope awaitNotice(Predicate<MarketSynced> matching) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> find(matching), Optional::isPresent)
                .orElseThrow();
    }

    /** The notices that arrived within a short wait. */
    public List<EventEnvelope> noticesWithin(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return List.copyOf(seen);
    }

    private Optional<EventEnvelope> find(Predicate<MarketSynced> matching) {
        poll();
        return seen.stream()
                .filter(notice -> matching.test((MarketSynced) notice.payload()))
                .findFirst();
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            EventEnvelope envelope = json.read(record.value());
            if (!MarketSynced.KEY.equals(record.key())) {
                throw new AssertionError("a market notice keyed " + record.key());
            }
            seen.add(envelope);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
