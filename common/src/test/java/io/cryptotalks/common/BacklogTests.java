package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.operations.BacklogEndpoint;
import io.cryptotalks.common.operations.ConsumerBacklog;
import io.cryptotalks.common.operations.ConsumerLagGauges;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.devstack.DevStackInitializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /actuator/backlog}: the outbox drains, the consumer catches up, a dead letter is counted until re-driven;
 * and the lag per partition as a metric.
 */
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

    @Autowired
    ConsumerLagGauges lagGauges;

    @Autowired
    MeterRegistry meters;

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

    @Test
    void theLagMetricHasARowPerPartitionLabelledWithTheGroupAndDropsThemWhileKafkaIsAway() {
        transactions.execute(
                status -> outbox.append(new UserSignedUp(UUID.randomUUID(), "gauge@example.com", "gauge", false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(backlog.backlog()));
        String group = "nobody-" + UUID.randomUUID();
        AtomicReference<Map<String, Object>> kafka = new AtomicReference<>(kafkaAdmin.getConfigurationProperties());
        ConsumerBacklog nobody = new ConsumerBacklog(
                () -> Admin.create(kafka.get()), group, "nobody-redrive-" + UUID.randomUUID(), List.of(Topics.USERS));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerLagGauges gauges = new ConsumerLagGauges(nobody, registry);

        gauges.measure();

        Collection<Gauge> rows = registry.find(ConsumerLagGauges.NAME).gauges();
        assertThat(rows).hasSize(partitionsOf(Topics.USERS));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getId().getTag("group")).isEqualTo(group);
            assertThat(row.getId().getTag("topic")).isEqualTo(Topics.USERS);
            assertThat(row.getId().getTag("partition")).matches("\\d+");
        });
        assertThat(rows.stream().mapToDouble(Gauge::value).sum())
                .as("a group that never committed is behind by every record")
                .isEqualTo(nobody.measure().get(Topics.USERS).lag());

        Map<String, Object> away = new HashMap<>(kafka.get());
        away.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        away.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        away.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        kafka.set(away);
        gauges.measure();

        assertThat(registry.find(ConsumerLagGauges.NAME).gauges())
                .as("no stale lag")
                .isEmpty();
    }

    @Test
    void theWorkersOwnGroupIsMeasuredInTheServiceRegistry() {
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(backlog.backlog()));

        lagGauges.measure();

        Collection<Gauge> rows = meters.find(ConsumerLagGauges.NAME)
                .tag("group", "common-tests")
                .tag("topic", Topics.USERS)
                .gauges();
        assertThat(rows).hasSize(partitionsOf(Topics.USERS));
        assertThat(rows).allSatisfy(row -> assertThat(row.value()).isZero());
    }

    private int partitionsOf(String topic) {
        return kafkaAdmin.describeTopics(topic).get(topic).partitions().size();
    }

    private static boolean caughtUp(Map<String, Object> backlog) {
        return Long.valueOf(0).equals(backlog.get("outbox")) && Long.valueOf(0).equals(backlog.get("consumerLag"));
    }
}
