package io.cryptotalks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The auth-service applies the recorded producer JSON of every event type it consumes. */
@SpringBootTest(
        classes = AuthServiceApplication.class,
        properties = {AuthServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({
        "user-signed-in, SIGN_IN, SUCCESS",
        "sign-in-refused, SIGN_IN, ERROR",
        "session-refreshed, SESSION, SUCCESS",
        "refresh-token-reused, SESSION, ERROR",
        "user-signed-out, SESSION, SUCCESS",
        "requests-throttled, RATE_LIMIT, ERROR"
    })
    void writesTheActionLogOfTheRecordedEvent(String type, String event, String status) {
        UUID userId = UUID.randomUUID();

        inbound.accept(RecordedEvents.record(Topics.SESSIONS, type, userId));

        Document log = logOf(userId);
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo(event);
        assertThat(log.getString("status")).isEqualTo(status);
        assertThat(log.getString("message")).contains(userId.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "account-not-confirmed | tried to log in while being unconfirmed.",
                "wrong-credentials     | tried to log in with a wrong password.",
                "wrong-2fa             | tried to log in with a wrong authenticator code.",
                "phone-code-error      | tried to log in with a wrong or expired SMS code."
            })
    void eachSignInRefusalIsLoggedWithItsReason(String reason, String message) {
        UUID userId = UUID.randomUUID();
        ConsumerRecord<String, String> recorded = RecordedEvents.record(Topics.SESSIONS, "sign-in-refused", userId);

        inbound.accept(new ConsumerRecord<>(
                recorded.topic(),
                0,
                0L,
                recorded.key(),
                recorded.value().replace("\"reason\":\"account-not-confirmed\"", "\"reason\":\"" + reason + "\"")));

        assertThat(logOf(userId).getString("message")).isEqualTo("User " + userId + " " + message);
    }

    @Test
    void appliesTheRecordedUserAccountClosed() {
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into sessions (id, token_id, user_id, expires_at) values (?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        userId,
                        Timestamp.from(Instant.now().plusSeconds(600)))
                .update();

        inbound.accept(RecordedEvents.record(Topics.USERS, "user-account-closed", userId));

        assertThat(jdbc.sql("select count(*) from sessions where user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(logOf(userId).getString("event")).isEqualTo("SESSION");
    }

    private Document logOf(UUID userId) {
        return mongo.getCollection("informationlogs")
                .find(new Document("userId", userId.toString()))
                .first();
    }
}
