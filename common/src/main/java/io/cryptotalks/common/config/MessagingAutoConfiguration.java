package io.cryptotalks.common.config;

import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/** What every service gets: event JSON, a clock, its topics declared, and retry-then-dead-letter error handling. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson(ObjectProvider<JsonMapper> mapper) {
        return new EventJson(mapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    KafkaAdmin.NewTopics cryptotalksTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        MessagingProperties.Retention retention = properties.retention();
        for (String topic : properties.topics()) {
            topics.add(topic(properties, topic, Topics.isNotice(topic) ? retention.noticesMs() : retention.eventsMs()));
            topics.add(topic(properties, Topics.deadLetter(topic), retention.deadLettersMs()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * A topic with its retention; spring.kafka.admin.modify-topic-configs (cryptotalks-common.yml) makes KafkaAdmin
     * write the retention on topics that already exist too.
     */
    private static NewTopic topic(MessagingProperties properties, String name, long retentionMs) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler retryThenDeadLetter(
            KafkaTemplate<Object, Object> kafka, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka, (record, exception) -> {
            registry.counter("cryptotalks.events.dead.lettered", "topic", record.topic())
                    .increment();
            return new TopicPartition(Topics.deadLetter(record.topic()), -1);
        });
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
