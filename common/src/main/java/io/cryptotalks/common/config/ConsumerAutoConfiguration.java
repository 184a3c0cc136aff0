package io.cryptotalks.common.config;

import io.cryptotalks.common.consumer.ConsumedTopics;
import io.cryptotalks.common.consumer.DeadLetterEndpoint;
import io.cryptotalks.common.consumer.DeadLetterRedrive;
import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.consumer.IdempotentConsumer;
import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.consumer.TopicListener;
import io.cryptotalks.common.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consuming side of a worker: the idempotent-consumer guard ({@code cryptotalks.messaging.processed-events-table})
 * and, when the worker defines its {@code EventHandlers}, the listener of {@code cryptotalks.messaging.consumes}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnProperty(name = "cryptotalks.messaging.processed-events-table")
public class ConsumerAutoConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new IdempotentConsumer(
                jdbc,
                new TransactionTemplate(transactionManager),
                properties.processedEventsTable(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(EventHandlers.class)
    InboundEvents inboundEvents(EventJson json, IdempotentConsumer consumer, EventHandlers handlers) {
        return new InboundEvents(json, consumer, handlers);
    }

    @Bean
    @ConditionalOnBean(EventHandlers.class)
    @ConditionalOnProperty(name = ConsumedTopics.PROPERTY)
    TopicListener topicListener(InboundEvents inbound) {
        return new TopicListener(inbound);
    }

    @Bean
    @ConditionalOnProperty(name = ConsumedTopics.PROPERTY)
    DeadLetterRedrive deadLetterRedrive(
            ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka, Environment environment) {
        return new DeadLetterRedrive(
                consumers,
                kafka,
                environment.getRequiredProperty("spring.application.name"),
                ConsumedTopics.of(environment));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class DeadLetterManagement {

        @Bean
        @ConditionalOnProperty(name = ConsumedTopics.PROPERTY)
        DeadLetterEndpoint deadLetterEndpoint(DeadLetterRedrive redrive) {
            return new DeadLetterEndpoint(redrive);
        }
    }
}
