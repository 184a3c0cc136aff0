package io.cryptotalks.auth.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.auth.AuthServiceApplication;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.devstack.DevStackInitializer;
import java.sql.Timestamp;
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

@SpringBootTest(classes = AuthServiceApplication.class, properties = AuthServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class SessionEventsTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpiredSessionsPurge purge;

    @Test
    void signInsAndRefusalsAreWrittenToTheAuthLogOnceEach() throws Exception {
        UUID userId = UUID.randomUUID();
        EventEnvelope signedIn = EventEnvelope.of(new UserSignedIn(userId, UUID.randomUUID()), Clock.systemUTC());
        EventEnvelope refused = EventEnvelope.of(new SignInRefused(userId, "account-not-confirmed"), Clock.systemUTC());

        for (EventEnvelope envelope : new EventEnvelope[] {refused, signedIn, signedIn}) {
            kafka.send(Topics.SESSIONS, envelope.aggregateId(), json.write(envelope))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> logOf(signedIn) != null && logOf(refused) != null);
        assertThat(logOf(signedIn).getString("event")).isEqualTo("SIGN_IN");
        assertThat(logOf(signedIn).getString("status")).isEqualTo("SUCCESS");
        assertThat(logOf(refused).getString("status")).isEqualTo("ERROR");
        assertThat(mongo.getCollection("informationlogs").countDocuments(new Document("userId", userId.toString())))
                .isEqualTo(2);
    }

    @Test
    void closingAnAccountDeletesItsSessionsOnceAndNoOneElses() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID first = insertSession(userId, Instant.now().plus(Duration.ofDays(7)));
        UUID second = insertSession(userId, Instant.now().plus(Duration.ofDays(7)));
        UUID someoneElses = insertSession(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(7)));
        EventEnvelope closed = EventEnvelope.of(new UserAccountClosed(userId, "Ada"), Clock.systemUTC());

        // a later event of the same account (same key, same partition) marks that both copies were consumed
        EventEnvelope marker = EventEnvelope.of(new UserAccountClosed(userId, "Ada"), Clock.systemUTC());

        for (EventEnvelope envelope : new EventEnvelope[] {closed, closed, marker}) {
            kafka.send(Topics.USERS, envelope.aggregateId(), json.write(envelope))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> logOf(marker) != null);
        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isFalse();
        assertThat(exists(someoneElses)).isTrue();
        assertThat(logOf(closed).getString("message")).startsWith("The 2 sessions of user " + userId);
        assertThat(mongo.getCollection("informationlogs").countDocuments(new Document("userId", userId.toString())))
                .isEqualTo(2);
    }

    @Test
    void sessionsLongExpiredAreDeletedAndLiveOnesKept() {
        UUID old = insertSession(Instant.now().minus(Duration.ofDays(40)));
        UUID live = insertSession(Instant.now().plus(Duration.ofDays(7)));

        purge.purge();

        assertThat(exists(old)).isFalse();
        assertThat(exists(live)).isTrue();
    }

    private Document logOf(EventEnvelope envelope) {
        return mongo.findById(envelope.eventId().toString(), Document.class, "informationlogs");
    }

    private UUID insertSession(Instant expiresAt) {
        return insertSession(UUID.randomUUID(), expiresAt);
    }

    private UUID insertSession(UUID userId, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into sessions (id, token_id, user_id, expires_at) values (?, ?, ?, ?)")
                .params(id, UUID.randomUUID(), userId, Timestamp.from(expiresAt))
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from sessions where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
