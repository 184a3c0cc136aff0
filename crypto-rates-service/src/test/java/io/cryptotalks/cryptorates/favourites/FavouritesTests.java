package io.cryptotalks.cryptorates.favourites;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.cryptorates.CryptoRatesServiceApplication;
import io.cryptotalks.cryptorates.TestCoins;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Favourite events, applied as the listener applies them: rows are exact, likes count them exactly. */
@SpringBootTest(
        classes = CryptoRatesServiceApplication.class,
        properties = {CryptoRatesServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class FavouritesTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void favouritingTwiceIsOneFavouriteAndOneLike() {
        String coin = TestCoins.insert(jdbc, "FAV", "Favcoin", 0);
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();

        apply(new CoinFavourited(ada, coin));
        apply(new CoinFavourited(ada, coin));
        apply(new CoinFavourited(bob, coin));

        assertThat(rows(ada, coin)).isEqualTo(1);
        assertThat(rows(bob, coin)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, coin)).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String coin = TestCoins.insert(jdbc, "RED", "Redcoin", 0);
        UUID ada = UUID.randomUUID();
        EventEnvelope favourited = envelope(new CoinFavourited(ada, coin));
        EventEnvelope unfavourited = envelope(new CoinUnfavourited(ada, coin));

        inbound.accept(record(favourited));
        inbound.accept(record(favourited));
        assertThat(TestCoins.likes(jdbc, coin)).isEqualTo(1);

        inbound.accept(record(unfavourited));
        // the star of another event is applied: the redelivered removal must not take it away again
        apply(new CoinFavourited(ada, coin));
        inbound.accept(record(unfavourited));

        assertThat(rows(ada, coin)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, coin)).isEqualTo(1);
    }

    @Test
    void removingAFavouriteTakesItsLikeAndRemovingANonFavouriteChangesNothing() {
        String coin = TestCoins.insert(jdbc, "REM", "Remcoin", 0);
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        apply(new CoinFavourited(ada, coin));
        apply(new CoinFavourited(bob, coin));

        apply(new CoinUnfavourited(ada, coin));
        apply(new CoinUnfavourited(ada, coin));
        apply(new CoinUnfavourited(UUID.randomUUID(), coin));

        assertThat(rows(ada, coin)).isZero();
        assertThat(rows(bob, coin)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, coin)).isEqualTo(1);
    }

    @Test
    void closingAnAccountTakesTheLikesOfItsFavourites() {
        String first = TestCoins.insert(jdbc, "ONE", "Onecoin", 0);
        String second = TestCoins.insert(jdbc, "TWO", "Twocoin", 0);
        UUID closing = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        apply(new CoinFavourited(closing, first));
        apply(new CoinFavourited(closing, second));
        apply(new CoinFavourited(staying, first));

        apply(new UserAccountClosed(closing, "Closing"));

        assertThat(TestCoins.likes(jdbc, first)).isEqualTo(1);
        assertThat(TestCoins.likes(jdbc, second)).isZero();
        assertThat(rows(staying, first)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from favorite_coins where user_id = ?")
                        .param(closing)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void apply(DomainEvent event) {
        inbound.accept(record(envelope(event)));
    }

    private static EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.of(event, Clock.systemUTC());
    }

    private ConsumerRecord<String, String> record(EventEnvelope envelope) {
        return new ConsumerRecord<>(envelope.topic(), 0, 0L, envelope.aggregateId(), json.write(envelope));
    }

    private long rows(UUID user, String coin) {
        return jdbc.sql("select count(*) from favorite_coins where user_id = ? and coin_uuid = ?")
                .params(user, coin)
                .query(Long.class)
                .single();
    }
}
