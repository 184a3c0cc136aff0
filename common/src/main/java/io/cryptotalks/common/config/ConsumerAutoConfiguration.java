package io.cryptotalks.common.config;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.consumer.IdempotentConsumer;
import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.consumer.TopicListener;
import io.cryptotalks.common.events.EventJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    IdempotentConsumer idempotentConsumer(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                          MessagingProperties properties) {
        return new IdempotentConsumer(jdbc, new TransactionTemplate(transactionManager),
                properties.processedEventsTable());
    }

    @Bean
    @ConditionalOnBean(EventHandlers.class)
    InboundEvents inboundEvents(EventJson json, IdempotentConsumer consumer, EventHandlers handlers) {
        return new InboundEvents(json, consumer, handlers);
    }

    @Bean
    @ConditionalOnBean(EventHandlers.class)
    @ConditionalOnProperty(name = "cryptotalks.messaging.consumes")
    TopicListener topicListener(InboundEvents inbound) {
        return new TopicListener(inbound);
    }
}
