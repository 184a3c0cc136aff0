package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.rebuild.Rebuild;
import io.cryptotalks.common.rebuild.RebuildScope;
import io.cryptotalks.devstack.DevStackInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a rebuild refuses (the whole rebuild runs in system-tests' RebuildTests): a worker without a declared scope, a
 * consumer group that still has members (a worker instance still running), and a log whose oldest events are gone —
 * and then it has changed nothing.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class RebuildRefusalTests {

    @Autowired
    Environment environment;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    DataSource database;

    @Test
    void aWorkerWithoutADeclaredScopeIsNotRebuildable() {
        assertThatThrownBy(() -> RebuildScope.of(environment))
                .hasMessageContaining("common-tests declares no rebuild scope (rebuild/common-tests.sql)");
    }

    @Test
    void aGroupWithARunningConsumerIsLeftAlone() {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("create table if not exists rebuild_refusal_probe (id int)").update();
        jdbc.sql("insert into rebuild_refusal_probe values (1)").update();
        RebuildScope scope = new RebuildScope(
                "common-tests",
                List.of(Topics.USERS),
                "test_processed_events",
                new ByteArrayResource("truncate table rebuild_refusal_probe;".getBytes(StandardCharsets.UTF_8)));
        Rebuild rebuild = new Rebuild(scope, () -> Admin.create(kafkaAdmin.getConfigurationProperties()), database);
        await().atMost(Duration.ofSeconds(30)).until(() -> members("common-tests") > 0);

        assertThatThrownBy(() -> rebuild.reset(Duration.ofSeconds(1)))
                .hasMessageContaining("consumer group common-tests still has")
                .hasMessageContaining("stop every instance of the worker first");
        assertThat(jdbc.sql("select count(*) from rebuild_refusal_probe")
                        .query(Long.class)
                        .single())
                .as("nothing truncated")
                .isPositive();
    }

    @Test
    void aLogThatLostItsOldestEventsIsNotReplayed() throws Exception {
        String topic = "rebuild-refusal-" + UUID.randomUUID();
        String group = "rebuild-refusal-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        kafkaAdmin.getConfigurationProperties(), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "key", "event " + i)).get(10, TimeUnit.SECONDS);
            }
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("create table if not exists rebuild_refusal_expired (id int)").update();
        jdbc.sql("insert into rebuild_refusal_expired values (1)").update();
        RebuildScope scope = new RebuildScope(
                group,
                List.of(topic),
                "test_processed_events",
                new ByteArrayResource("truncate table rebuild_refusal_expired;".getBytes(StandardCharsets.UTF_8)));
        Rebuild rebuild = new Rebuild(scope, () -> Admin.create(kafkaAdmin.getConfigurationProperties()), database);

        assertThatThrownBy(() -> rebuild.reset(Duration.ofSeconds(5)))
                .hasMessageContaining(topic + "-0 starts at offset 1")
                .hasMessageContaining("nothing was changed");
        assertThat(jdbc.sql("select count(*) from rebuild_refusal_expired")
                        .query(Long.class)
                        .single())
                .as("nothing truncated")
                .isPositive();
    }

    private int members(String group) throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            return admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(10, TimeUnit.SECONDS)
                    .members()
                    .size();
        }
    }
}
