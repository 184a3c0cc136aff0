package io.cryptotalks.common.config;

import io.cryptotalks.common.consumer.ConsumedTopics;
import io.cryptotalks.common.consumer.DeadLetterRedrive;
import io.cryptotalks.common.operations.BacklogEndpoint;
import io.cryptotalks.common.operations.ConsumerBacklog;
import io.cryptotalks.common.operations.ConsumerLagGauges;
import io.cryptotalks.common.operations.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code GET /actuator/backlog}: a worker's consumer lag and dead letters waiting (when it has
 * {@code cryptotalks.messaging.consumes}), a producer's unpublished outbox rows (when
 * {@code cryptotalks.messaging.outbox.enabled=true}). The launcher's {@code status} reads it. A worker's lag per
 * partition is also a metric ({@link ConsumerLagGauges}).
 */
@AutoConfiguration(
        after = {MessagingAutoConfiguration.class, ConsumerAutoConfiguration.class, OutboxAutoConfiguration.class},
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(Endpoint.class)
@EnableScheduling
public class BacklogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnProperty(name = ConsumedTopics.PROPERTY)
    ConsumerBacklog consumerBacklog(Environment environment, KafkaAdmin admin) {
        String service = environment.getRequiredProperty("spring.application.name");
        List<String> topics = ConsumedTopics.of(environment);
        return new ConsumerBacklog(
                () -> Admin.create(adminConfig(admin)), service, DeadLetterRedrive.groupOf(service), topics);
    }

    @Bean
    @ConditionalOnBean({ConsumerBacklog.class, MeterRegistry.class})
    ConsumerLagGauges consumerLagGauges(ConsumerBacklog backlog, MeterRegistry registry) {
        return new ConsumerLagGauges(backlog, registry);
    }

    @Bean
    @ConditionalOnMissingBean
    BacklogEndpoint backlogEndpoint(
            Environment environment, ObjectProvider<ConsumerBacklog> consumer, ObjectProvider<JdbcClient> jdbc) {
        OutboxBacklog outbox = null;
        JdbcClient database = jdbc.getIfAvailable();
        if (environment.getProperty("cryptotalks.messaging.outbox.enabled", Boolean.class, false) && database != null) {
            outbox = new OutboxBacklog(database);
        }
        return new BacklogEndpoint(consumer.getIfAvailable(), outbox);
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
