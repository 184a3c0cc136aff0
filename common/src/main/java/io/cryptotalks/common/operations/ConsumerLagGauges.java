package io.cryptotalks.common.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code cryptotalks_consumer_lag_records{group, topic, partition}}: the worker's consumer group behind the log end,
 * per partition, from the broker's committed offsets (what {@code kafka-consumer-groups --describe} says). The Kafka
 * client's own {@code records-lag} has no group label and covers only the partitions assigned to that client; this
 * one is measured on a schedule, never during a scrape, and is dropped while Kafka does not answer rather than left
 * stale.
 */
public class ConsumerLagGauges {

    public static final String NAME = "cryptotalks.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLagGauges.class);

    private final ConsumerBacklog backlog;
    private final MultiGauge lag;
    private volatile Map<TopicPartition, Long> measured = Map.of();
    private boolean failing;

    public ConsumerLagGauges(ConsumerBacklog backlog, MeterRegistry registry) {
        this.backlog = backlog;
        this.lag = MultiGauge.builder(NAME)
                .description("records of the topic partition not yet consumed by the group (committed offsets)")
                .baseUnit("records")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${cryptotalks.messaging.lag-interval:15s}",
            fixedDelayString = "${cryptotalks.messaging.lag-interval:15s}")
    public void measure() {
        try {
            measured = backlog.lagByPartition();
            lag.register(
                    measured.keySet().stream()
                            .<MultiGauge.Row<?>>map(partition -> MultiGauge.Row.of(
                                    Tags.of(
                                            "group", backlog.group(),
                                            "topic", partition.topic(),
                                            "partition", String.valueOf(partition.partition())),
                                    this,
                                    // the registry holds a gauge's object weakly: this bean, never a boxed number
                                    gauges -> gauges.lagOf(partition)))
                            .toList(),
                    false); // a kept row reads the new figures; only partitions that came or went change meters
            if (failing) {
                log.info("the consumer lag of {} is measured again", backlog.group());
                failing = false;
            }
        } catch (RuntimeException e) {
            measured = Map.of();
            lag.register(List.of(), false);
            if (!failing) {
                log.warn("the consumer lag of {} is not measured: {}", backlog.group(), e.getMessage());
                failing = true;
            }
        }
    }

    private double lagOf(TopicPartition partition) {
        Long behind = measured.get(partition);
        return behind == null ? Double.NaN : behind;
    }
}
