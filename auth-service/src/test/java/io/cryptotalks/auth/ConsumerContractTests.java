package io.cryptotalks.auth;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auth-service applies the recorded producer JSON of every event type it consumes. */
@SpringBootTest(classes = AuthServiceApplication.class, properties = {AuthServiceApplication.CONFIG_NAME,
        "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    @Autowired InboundEvents inbound;
    @Autowired MongoTemplate mongo;

    @ParameterizedTest
    @CsvSource({"user-signed-in, SIGN_IN, SUCCESS", "sign-in-refused, SIGN_IN, ERROR",
            "session-refreshed, SESSION, SUCCESS", "user-signed-out, SESSION, SUCCESS"})
    void writesTheActionLogOfTheRecordedEvent(String type, String event, String status) {
        UUID userId = UUID.randomUUID();

        inbound.accept(RecordedEvents.record(Topics.SESSIONS, type, userId));

        Document log = mongo.getCollection("informationlogs").find(new Document("userId", userId.toString())).first();
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo(event);
        assertThat(log.getString("status")).isEqualTo(status);
        assertThat(log.getString("message")).contains(userId.toString());
    }
}
