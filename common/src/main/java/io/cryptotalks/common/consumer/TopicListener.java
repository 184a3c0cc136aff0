package io.cryptotalks.common.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A worker's one Kafka listener: the topics of {@code cryptotalks.messaging.consumes} (comma-separated), in the
 * consumer group named after the service ({@code spring.application.name}).
 */
public class TopicListener {

    private final InboundEvents inbound;

    public TopicListener(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @KafkaListener(topics = "#{'${cryptotalks.messaging.consumes}'.split(',')}", groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbound.accept(record);
    }
}
