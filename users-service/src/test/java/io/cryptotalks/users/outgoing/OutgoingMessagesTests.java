package io.cryptotalks.users.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.tracing.TraceParents;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.users.UsersFixtures;
import io.cryptotalks.users.UsersServiceApplication;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Email and SMS leave after the commit of their event, once: the outbox of outgoing messages (dev mailbox on). */
@SpringBootTest(
        classes = UsersServiceApplication.class,
        properties = {UsersServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class OutgoingMessagesTests {

    @Autowired
    Outbox outbox;

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aRolledBackTransactionSendsNothingAndItsCommittedSuccessorIsSent() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        OutgoingMessage rolledBack = message("rolled-back");
        OutgoingMessage committed = message("committed");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    outbox.queue(rolledBack);
                    throw new IllegalStateException("the handler failed after queueing");
                }))
                .hasMessageContaining("failed after queueing");
        transaction.executeWithoutResult(status -> outbox.queue(committed));

        UsersFixtures fixtures = new UsersFixtures(jdbc);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.mailbox(committed.idempotencyKey()).isPresent());
        assertThat(fixtures.mailbox(rolledBack.idempotencyKey())).isEmpty();
        assertThat(fixtures.outgoing(rolledBack.idempotencyKey())).isEmpty();
        assertThat(fixtures.outgoing(committed.idempotencyKey())).get().satisfies(row -> {
            assertThat(row.sent()).isTrue();
            assertThat(row.body()).isEmpty();
            assertThat(row.links()).isEmpty();
        });
        assertThat(fixtures.mailbox(committed.idempotencyKey()).get().links()).containsExactly("http://x/committed");
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.queue(message("no-transaction"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        UUID userId = UUID.randomUUID();
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.USERS, "password-reset-requested", userId);
        String eventId = json.read(record.value()).eventId().toString();
        UsersFixtures fixtures = new UsersFixtures(jdbc);

        inbound.accept(record);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.mailbox(eventId).isPresent());
        inbound.accept(record);

        assertThat(fixtures.count("dev_mailbox where idempotency_key = ?", eventId))
                .isEqualTo(1);
        assertThat(fixtures.count("outgoing_messages where idempotency_key = ?", eventId))
                .isEqualTo(1);
        assertThat(fixtures.count("confirmation_hashes where user_id = ?", userId))
                .isEqualTo(1);
    }

    @Test
    void twoDispatchersAtOnceSendEachRowOnce() {
        UUID userId = UUID.randomUUID();
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "race-" + UUID.randomUUID();
            keys.add(key);
            // inserted directly, so no after-commit dispatch of this context runs: only the two below
            jdbc.sql("""
                    insert into outgoing_messages (id, idempotency_key, user_id, channel, recipient, body)
                    values (?, ?, ?, 'email', 'race@example.com', 'hello')""").params(UUID.randomUUID(), key, userId).update();
        }
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        MessageSender counting = message -> {
            if (message.to().equals("race@example.com")) {
                sends.computeIfAbsent(message.idempotencyKey(), key -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
        Senders senders = new Senders(counting, counting);
        MessageDispatcher first =
                new MessageDispatcher(jdbc, transactionManager, senders, Clock.systemUTC(), TraceParents.NONE);
        MessageDispatcher second =
                new MessageDispatcher(jdbc, transactionManager, senders, Clock.systemUTC(), TraceParents.NONE);
        try {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(first::dispatchDue),
                            CompletableFuture.runAsync(second::dispatchDue))
                    .join();
        } finally {
            first.destroy();
            second.destroy();
        }

        assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(new UsersFixtures(jdbc).count("outgoing_messages where user_id = ? and sent_at is not null", userId))
                .isEqualTo(20);
    }

    @Test
    void aFailedSendIsRetriedWithBackOffAndFailsForGoodAfterTheLastAttempt() {
        UUID userId = UUID.randomUUID();
        String key = "flaky-" + UUID.randomUUID();
        jdbc.sql("""
                insert into outgoing_messages (id, idempotency_key, user_id, channel, recipient, body, links)
                values (?, ?, ?, 'email', 'flaky@example.com', 'token inside', '{http://x/token}')""").params(UUID.randomUUID(), key, userId).update();
        AtomicInteger attempts = new AtomicInteger();
        MessageSender refusing = message -> {
            if (message.idempotencyKey().equals(key)) {
                attempts.incrementAndGet();
                throw new IllegalStateException("provider answered 503");
            }
        };
        MessageDispatcher dispatcher = new MessageDispatcher(
                jdbc, transactionManager, new Senders(refusing, refusing), Clock.systemUTC(), TraceParents.NONE);
        UsersFixtures fixtures = new UsersFixtures(jdbc);
        try {
            dispatcher.dispatchDue();
            assertThat(fixtures.outgoing(key)).get().satisfies(row -> {
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).contains("503");
                assertThat(row.sent()).isFalse();
                assertThat(row.failed()).isFalse();
            });
            assertThat(jdbc.sql("select next_attempt_at > now() + interval '25 seconds' from outgoing_messages"
                                    + " where idempotency_key = ?")
                            .param(key)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            dispatcher.dispatchDue();
            assertThat(attempts).hasValue(1); // not due yet

            for (int i = 2; i <= MessageDispatcher.MAX_ATTEMPTS; i++) {
                jdbc.sql("update outgoing_messages set next_attempt_at = now() where idempotency_key = ?")
                        .param(key)
                        .update();
                dispatcher.dispatchDue();
            }
        } finally {
            dispatcher.destroy();
        }

        assertThat(attempts).hasValue(MessageDispatcher.MAX_ATTEMPTS);
        assertThat(fixtures.outgoing(key)).get().satisfies(row -> {
            assertThat(row.failed()).isTrue();
            assertThat(row.body()).isEmpty();
            assertThat(row.links()).isEmpty();
        });
    }

    @Test
    void theBackOffDoublesUpToAnHour() {
        assertThat(MessageDispatcher.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MessageDispatcher.backOff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MessageDispatcher.backOff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(MessageDispatcher.backOff(30)).isEqualTo(Duration.ofHours(1));
    }

    private static OutgoingMessage message(String name) {
        return new OutgoingMessage(
                name + "-" + UUID.randomUUID(),
                UUID.randomUUID(),
                Channel.EMAIL,
                name + "@example.com",
                "Subject",
                "Open http://x/" + name,
                List.of("http://x/" + name));
    }
}
