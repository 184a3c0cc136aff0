package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * The event topics keep every event (retention.ms -1, KAFKA_TOPIC_RETENTION_MS) so a worker can be rebuilt from the
 * log, the dead-letter topics 30 days, the notice topics a day; a topic created earlier with another retention gets
 * the declared one at the next start.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class TopicRetentionTests {

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theEventTopicsKeepEverythingTheDeadLettersThirtyDaysAndTheNoticesADay() throws Exception {
        assertThat(retention(Topics.USERS)).isEqualTo("-1");
        assertThat(retention(Topics.deadLetter(Topics.USERS))).isEqualTo("2592000000");
        assertThat(retention(Topics.NOTIFICATIONS)).isEqualTo("86400000");
    }

    @Test
    void anExistingTopicWithAnotherRetentionGetsTheDeclaredOneAtTheNextStart() throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SESSIONS);
            Map<ConfigResource, Collection<AlterConfigOp>> shorter = Map.of(
                    topic,
                    List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "3600000"), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(shorter).all().get(10, TimeUnit.SECONDS);
        }
        assertThat(retention(Topics.SESSIONS)).isEqualTo("3600000");

        kafkaAdmin.initialize(); // what every start does

        assertThat(retention(Topics.SESSIONS)).isEqualTo("-1");
    }

    private String retention(String name) throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
            return admin.describeConfigs(List.of(topic))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .get(TopicConfig.RETENTION_MS_CONFIG)
                    .value();
        }
    }
}
