package io.cryptotalks.common.config;

import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.tracing.TraceParents;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The action-log writer of a service that has MongoDB, and a health check that works on any MongoDB-wire server. */
@AutoConfiguration(
        after = TracingAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class ActionLogAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    ActionLogWriter actionLogWriter(MongoTemplate mongo, TraceParents traceParents) {
        return new ActionLogWriter(mongo, traceParents);
    }

    /** Boot's Mongo indicator runs {@code hello}, which the embedded server lacks; {@code ping} works everywhere. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class MongoHealth {

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        AbstractHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
            return new AbstractHealthIndicator() {
                @Override
                protected void doHealthCheck(Health.Builder builder) {
                    mongo.executeCommand(new Document("ping", 1));
                    builder.up().withDetail("database", mongo.getDb().getName());
                }
            };
        }
    }
}
