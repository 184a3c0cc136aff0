package io.cryptotalks.cryptorates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The crypto-rates-service applies the recorded producer JSON of every event type it consumes. */
@SpringBootTest(
        classes = CryptoRatesServiceApplication.class,
        properties = {CryptoRatesServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void appliesTheRecordedUserAccountClosed() {
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into favorite_coins (user_id, coin_uuid) values (?, 'Qwsogvtv82FCd')")
                .param(userId)
                .update();

        inbound.accept(RecordedEvents.record(Topics.USERS, "user-account-closed", userId));

        assertThat(jdbc.sql("select count(*) from favorite_coins where user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isZero();
        Document log = mongo.getCollection("informationlogs")
                .find(new Document("userId", userId.toString()))
                .first();
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo("CLOSE_ACC");
    }

    @Test
    void appliesTheRecordedCoinFavouritedAndCoinUnfavourited() {
        UUID userId = UUID.randomUUID();

        inbound.accept(RecordedEvents.record(Topics.FAVOURITES, "coin-favourited", userId));
        assertThat(favourites(userId)).containsExactly("Qwsogvtv82FCd");

        inbound.accept(RecordedEvents.record(Topics.FAVOURITES, "coin-unfavourited", userId));
        assertThat(favourites(userId)).isEmpty();
    }

    private List<String> favourites(UUID userId) {
        return jdbc.sql("select coin_uuid from favorite_coins where user_id = ?")
                .param(userId)
                .query(String.class)
                .list();
    }
}
