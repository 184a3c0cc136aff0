package io.cryptotalks.common.settings;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spring.kafka.bootstrap-servers} ({@code KAFKA_BOOTSTRAP_SERVERS}), checked at start-up (unset: Kafka's default
 * applies).
 */
@Validated
@ConfigurationProperties("spring.kafka")
public record KafkaSettings(
        @Size(min = 1, message = "KAFKA_BOOTSTRAP_SERVERS is empty: set host:port[,host:port…]")
        List<
                        @Pattern(
                                regexp = "([A-Za-z_]+://)?(\\[[0-9A-Fa-f:.]+]|[^\\s:/,\\[\\]]+):\\d{1,5}",
                                message = "KAFKA_BOOTSTRAP_SERVERS is malformed: expected host:port[,host:port…]")
                        String>
                bootstrapServers) {}
