package io.cryptotalks.common.config;

import io.cryptotalks.common.consumer.DeadLetterRedrive;
import io.cryptotalks.common.operations.BacklogEndpoint;
import io.cryptotalks.common.operations.ConsumerBacklog;
import io.cryptotalks.common.operations.OutboxBacklog;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@code GET /actuator/backlog}: a worker's consumer lag and dead letters waiting (when it has
 * {@code cryptotalks.messaging.consumes}), a producer's unpublished outbox rows (when
 * {@code cryptotalks.messaging.outbox.enabled=true}). The launcher's {@code status} reads it.
 */
@AutoConfiguration(
        after = {MessagingAutoConfiguration.class, ConsumerAutoConfiguration.class, OutboxAutoConfiguration.class},
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
public class BacklogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BacklogEndpoint backlogEndpoint(
            Environment environment, ObjectProvider<KafkaAdmin> kafkaAdmin, ObjectProvider<JdbcClient> jdbc) {
        ConsumerBacklog consumer = null;
        String consumes = environment.getProperty("cryptotalks.messaging.consumes", "");
        KafkaAdmin admin = kafkaAdmin.getIfAvailable();
        if (!consumes.isBlank() && admin != null) {
            String service = environment.getRequiredProperty("spring.application.name");
            List<String> topics = Arrays.stream(consumes.split(","))
                    .map(String::trim)
                    .filter(t -> !t.isEmpty())
                    .toList();
            consumer = new ConsumerBacklog(
                    () -> Admin.create(adminConfig(admin)), service, DeadLetterRedrive.groupOf(service), topics);
        }
        OutboxBacklog outbox = null;
        JdbcClient database = jdbc.getIfAvailable();
        if (environment.getProperty("cryptotalks.messaging.outbox.enabled", Boolean.class, false) && database != null) {
            outbox = new OutboxBacklog(database);
        }
        return new BacklogEndpoint(consumer, outbox);
    }

    private static Map<String, Object> adminConfig(KafkaAdmin admin) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        // a status question: a quick answer or none
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "backlog");
        return config;
    }
}
