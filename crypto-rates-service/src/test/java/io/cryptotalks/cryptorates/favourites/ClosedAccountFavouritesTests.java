package io.cryptotalks.cryptorates.favourites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.cryptorates.CryptoRatesServiceApplication;
import io.cryptotalks.cryptorates.TestCoins;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Clock;
import java.time.Duration;
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
 * Closing an account, consumed from the users topic on the embedded Kafka: its favourites go, no one else's, and each
 * of its coins loses that one like.
 */
@SpringBootTest(classes = CryptoRatesServiceApplication.class, properties = CryptoRatesServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class ClosedAccountFavouritesTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theClosedAccountsFavouritesAreDeletedOnce() throws Exception {
        UUID closing = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String shared = TestCoins.insert(jdbc, "SHR", "Sharedcoin", 2);
        String own = TestCoins.insert(jdbc, "OWN", "Owncoin", 1);
        for (String coin : new String[] {shared, own}) {
            jdbc.sql("insert into favorite_coins (user_id, coin_uuid) values (?, ?)")
                    .params(closing, coin)
                    .update();
        }
        jdbc.sql("insert into favorite_coins (user_id, coin_uuid) values (?, ?)")
                .params(other, shared)
                .update();
        EventEnvelope closed = EventEnvelope.of(new UserAccountClosed(closing, "Closing"), Clock.systemUTC());
        EventEnvelope marker = EventEnvelope.of(new UserAccountClosed(closing, "Closing"), Clock.systemUTC());

        // the event twice (a redelivery), then a later event of the same key: all three consumed in order
        for (EventEnvelope envelope : new EventEnvelope[] {closed, closed, marker}) {
            kafka.send(Topics.USERS, envelope.aggregateId(), json.write(envelope))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(marker.eventId().toString(), Document.class, "informationlogs") != null);
        assertThat(count(closing)).isZero();
        assertThat(count(other)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, shared)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, own)).isZero();
        assertThat(mongo.findById(closed.eventId().toString(), Document.class, "informationlogs")
                        .getString("message"))
                .startsWith("The 2 favourite coins of user " + closing);
        assertThat(mongo.getCollection("informationlogs").countDocuments(new Document("userId", closing.toString())))
                .isEqualTo(2);
    }

    private long count(UUID userId) {
        return jdbc.sql("select count(*) from favorite_coins where user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }
}
