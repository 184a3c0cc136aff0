package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.DeadLetterRedrive;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.devstack.DevStack;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** A dead letter goes back to its topic after the fix, is applied once, and is not re-driven a second time. */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class DeadLetterRedriveTests {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeadLetterRedrive redrive;

    @Test
    void aDeadLetterIsAppliedOnceAfterTheFixAndReDrivenOnlyOnce() {
        UUID userId = UUID.randomUUID();
        MessagingTestApplication.fixableStillBroken = true;
        EventEnvelope event = transactions.execute(
                status -> outbox.append(new UserSignedUp(userId, "fixable@example.com", "fixable", false)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.deadLetters.stream()
                        .anyMatch(v -> v.contains(event.eventId().toString())));

        MessagingTestApplication.fixableStillBroken = false;
        assertThat(redrive.redrive().get(Topics.USERS)).isPositive();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.applied.stream()
                        .anyMatch(e -> e.userId().equals(userId)));
        redrive.redrive();

        assertThat(copiesOnTheTopic(event)).as("the original and one re-drive").isEqualTo(2);
        assertThat(MessagingTestApplication.applied.stream()
                        .filter(e -> e.userId().equals(userId)))
                .hasSize(1);
    }

    private long copiesOnTheTopic(EventEnvelope event) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.USERS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long copies = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(event.eventId().toString())) {
                        copies++;
                    }
                }
            }
            return copies;
        }
    }
}
