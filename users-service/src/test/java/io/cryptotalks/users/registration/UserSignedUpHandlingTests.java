package io.cryptotalks.users.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.users.UsersServiceApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The users-service consuming real records from the embedded Kafka and writing to the embedded PostgreSQL and Mongo;
 * the email leaves after commit, to the dev mailbox (on in the tests, as under ./cryptotalks up).
 */
@SpringBootTest(classes = UsersServiceApplication.class, properties = UsersServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class UserSignedUpHandlingTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void signUpCreatesSettingsAConfirmationHashTheEmailAndTheLog() throws Exception {
        UUID userId = UUID.randomUUID();
        EventEnvelope signedUp =
                EventEnvelope.of(new UserSignedUp(userId, "ada@example.com", "Ada", true), Clock.systemUTC());

        publish(signedUp);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "dev_mailbox where idempotency_key = ?",
                                signedUp.eventId().toString())
                        == 1);
        var mail = jdbc.sql("select recipient, subject, body, links from dev_mailbox where idempotency_key = ?")
                .param(signedUp.eventId().toString())
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    (String[]) rs.getArray(4).getArray()
                })
                .single();
        assertThat(mail[0]).isEqualTo("ada@example.com");
        assertThat(mail[1]).isEqualTo("Cryptotalks - Registration confirmation");
        String[] links = (String[]) mail[3];
        assertThat(links).singleElement().asString().matches("http://localhost:8080/account-confirmation/[0-9a-f]{40}");
        assertThat((String) mail[2]).contains("Ada", links[0]);

        String token = links[0].substring(links[0].lastIndexOf('/') + 1);
        var hash = jdbc.sql("select user_id, confirmation_type, confirmed, expires_at from confirmation_hashes"
                        + " where confirmation_hash = ?")
                .param(TokenDigest.sha256Hex(token))
                .query((rs, n) -> new Object[] {
                    rs.getObject(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getTimestamp(4).toInstant()
                })
                .single();
        assertThat(hash[0]).isEqualTo(userId);
        assertThat(hash[1]).isEqualTo("REGISTRATION");
        assertThat(hash[2]).isEqualTo(false);
        assertThat((Instant) hash[3]).isAfter(Instant.now().plus(Duration.ofHours(47)));
        assertThat(jdbc.sql("select public_email from user_settings where user_id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        Document log = mongo.findById(signedUp.eventId().toString(), Document.class, "informationlogs");
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo("SIGN_UP");
        assertThat(log.getString("status")).isEqualTo("SUCCESS");
    }

    @Test
    void aRedeliveredSignUpSendsNoSecondEmailAndIssuesNoSecondHash() throws Exception {
        UUID userId = UUID.randomUUID();
        EventEnvelope signedUp =
                EventEnvelope.of(new UserSignedUp(userId, "bob@example.com", "Bob", false), Clock.systemUTC());
        EventEnvelope marker = EventEnvelope.of(new UserAccountConfirmed(userId, UUID.randomUUID()), Clock.systemUTC());

        publish(signedUp);
        publish(signedUp);
        publish(marker);

        // same key, same partition: once the marker is applied, both copies of the sign-up have been consumed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(marker.eventId().toString(), Document.class, "informationlogs") != null);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count(
                                "dev_mailbox where idempotency_key = ?",
                                signedUp.eventId().toString())
                        == 1);
        assertThat(count(
                        "outgoing_messages where idempotency_key = ?",
                        signedUp.eventId().toString()))
                .isEqualTo(1);
        assertThat(count("dev_mailbox where recipient = ?", "bob@example.com")).isEqualTo(1);
        assertThat(count("confirmation_hashes where user_id = ?", userId)).isEqualTo(1);
        assertThat(count("users_processed_events where event_id = ?", signedUp.eventId()))
                .isEqualTo(1);
    }

    private void publish(EventEnvelope envelope) throws Exception {
        kafka.send(Topics.USERS, envelope.aggregateId(), json.write(envelope)).get();
    }

    private long count(String fromWhere, Object parameter) {
        return jdbc.sql("select count(*) from " + fromWhere)
                .param(parameter)
                .query(Long.class)
                .single();
    }
}
