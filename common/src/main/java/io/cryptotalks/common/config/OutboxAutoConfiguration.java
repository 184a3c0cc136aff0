package io.cryptotalks.common.config;

import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.operations.OutboxBacklog;
import io.cryptotalks.common.outbox.OutboxCleaner;
import io.cryptotalks.common.outbox.OutboxRelay;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.tracing.TraceParents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox of a service that produces events ({@code cryptotalks.messaging.outbox.enabled=true}). */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, TracingAutoConfiguration.class})
@ConditionalOnProperty(name = "cryptotalks.messaging.outbox.enabled", havingValue = "true")
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, EventJson json, Clock clock, TraceParents traceParents) {
        return new OutboxWriter(jdbc, json, clock, traceParents);
    }

    @Bean
    @ConditionalOnProperty(
            name = "cryptotalks.messaging.outbox.relay-enabled",
            havingValue = "true",
            matchIfMissing = true)
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafka,
            MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        MessagingProperties.Outbox outbox = properties.outbox();
        return new OutboxRelay(
                jdbc,
                new TransactionTemplate(transactionManager),
                kafka,
                outbox.batchSize(),
                outbox.sendTimeout(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The rows waiting to be published, read when metrics are scraped (the partial index answers it). */
    @Bean
    MeterBinder outboxBacklogGauge(JdbcClient jdbc) {
        OutboxBacklog backlog = new OutboxBacklog(jdbc);
        return meters -> Gauge.builder("cryptotalks.outbox.backlog", backlog, OutboxBacklog::unpublished)
                .description("outbox rows not yet published to Kafka")
                .register(meters);
    }

    @Bean
    OutboxCleaner outboxCleaner(JdbcClient jdbc, MessagingProperties properties) {
        return new OutboxCleaner(jdbc, properties.outbox().retention());
    }
}
