package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox, relay, idempotent consumer and dead letters on the real embedded PostgreSQL and Kafka. */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class MessagingIntegrationTests {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Test
    void committedEventsArePublishedInOrderAndApplied() {
        UUID userId = UUID.randomUUID();
        List<UserSignedUp> events =
                List.of(signedUp(userId, "first"), signedUp(userId, "second"), signedUp(userId, "third"));

        transactions.executeWithoutResult(status -> events.forEach(outbox::append));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(MessagingTestApplication.applied.stream()
                                .filter(e -> e.userId().equals(userId)))
                        .containsExactlyElementsOf(events));
        assertThat(jdbc.sql("select count(*) from outbox where message_key = ? and published_at is null")
                        .param(userId.toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rolledBackTransactionLeavesNoEvent() {
        UUID userId = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            outbox.append(signedUp(userId, "rolled-back"));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from outbox where message_key = ?")
                        .param(userId.toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        UUID userId = UUID.randomUUID();
        String record = json.write(EventEnvelope.of(signedUp(userId, "twice"), Clock.systemUTC()));

        kafka.send(Topics.USERS, userId.toString(), record).get();
        kafka.send(Topics.USERS, userId.toString(), record).get();
        UUID marker = UUID.randomUUID();
        kafka.send(
                        Topics.USERS,
                        marker.toString(),
                        json.write(EventEnvelope.of(signedUp(marker, "marker"), Clock.systemUTC())))
                .get();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.applied.stream()
                        .anyMatch(e -> e.userId().equals(marker)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.applied.stream()
                                .filter(e -> e.userId().equals(userId))
                                .count()
                        >= 1);
        assertThat(MessagingTestApplication.applied.stream()
                        .filter(e -> e.userId().equals(userId)))
                .hasSize(1);
    }

    @Test
    void eventThatKeepsFailingIsRetriedThenDeadLetteredAndNotMarkedProcessed() {
        UUID userId = UUID.randomUUID();

        EventEnvelope poison = transactions.execute(status -> outbox.append(signedUp(userId, "poison")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> MessagingTestApplication.deadLetters.stream()
                        .anyMatch(v -> v.contains(poison.eventId().toString())));
        assertThat(jdbc.sql("select count(*) from test_processed_events where event_id = ?")
                        .param(poison.eventId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unreadableRecordGoesStraightToTheDeadLetterTopic() throws Exception {
        String garbage = "not an event " + UUID.randomUUID();

        kafka.send(Topics.USERS, "garbage", garbage).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestApplication.deadLetters.contains(garbage));
    }

    private static UserSignedUp signedUp(UUID userId, String username) {
        return new UserSignedUp(userId, username + "@example.com", username, false);
    }
}
