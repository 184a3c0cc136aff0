package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.operations.BacklogEndpoint;
import io.cryptotalks.common.operations.ConsumerBacklog;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /actuator/backlog}: the outbox drains, the consumer catches up, a dead letter is counted until re-driven. */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class BacklogTests {

    @Autowired
    BacklogEndpoint backlog;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void aDeadLetterIsCountedOnceTheOutboxAndTheConsumerHaveCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(backlog.backlog()));
        long deadLettersBefore = ((Number) backlog.backlog().get("deadLetters")).longValue();

        EventEnvelope poison = transactions.execute(
                status -> outbox.append(new UserSignedUp(UUID.randomUUID(), "poison@example.com", "poison", false)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.deadLetters.stream()
                        .anyMatch(v -> v.contains(poison.eventId().toString())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> now = backlog.backlog();
            assertThat(now)
                    .containsEntry("outbox", 0L)
                    .containsEntry("consumerLag", 0L)
                    .containsEntry("deadLetters", deadLettersBefore + 1);
            assertThat(now.get("topics"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsKey(Topics.USERS);
        });
    }

    @Test
    void aGroupThatNeverCommittedIsBehindByEveryRecord() {
        transactions.execute(
                status -> outbox.append(new UserSignedUp(UUID.randomUUID(), "lag@example.com", "lag", false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(backlog.backlog()));
        ConsumerBacklog nobody = new ConsumerBacklog(
                () -> Admin.create(kafkaAdmin.getConfigurationProperties()),
                "nobody-" + UUID.randomUUID(),
                "nobody-redrive-" + UUID.randomUUID(),
                List.of(Topics.USERS));

        assertThat(nobody.measure().get(Topics.USERS).lag()).isPositive();
    }

    private static boolean caughtUp(Map<String, Object> backlog) {
        return Long.valueOf(0).equals(backlog.get("outbox")) && Long.valueOf(0).equals(backlog.get("consumerLag"));
    }
}
