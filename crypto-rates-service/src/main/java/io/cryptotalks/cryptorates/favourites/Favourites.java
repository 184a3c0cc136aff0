package io.cryptotalks.cryptorates.favourites;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A favourite is a {@code favorite_coins} row; the coin's {@code likes} counts those rows and moves, in the consumer's
 * transaction, only when a row really came or went. So a second star, a removal of a non-favourite and a redelivered
 * event change nothing, and {@code likes} stays exact.
 */
@Component
public class Favourites {

    private final JdbcClient jdbc;

    Favourites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void favourited(CoinFavourited event, EventEnvelope envelope) {
        int inserted = jdbc.sql("""
                        insert into favorite_coins (user_id, coin_uuid, created_at) values (?, ?, ?)
                        on conflict (user_id, coin_uuid) do nothing
                        """)
                .params(event.userId(), event.coinUuid(), Timestamp.from(envelope.occurredAt()))
                .update();
        if (inserted == 1) {
            jdbc.sql("update cryptocurrencies set likes = likes + 1 where uuid = ?")
                    .param(event.coinUuid())
                    .update();
        }
    }

    public void unfavourited(CoinUnfavourited event, EventEnvelope envelope) {
        int deleted = jdbc.sql("delete from favorite_coins where user_id = ? and coin_uuid = ?")
                .params(event.userId(), event.coinUuid())
                .update();
        if (deleted == 1) {
            jdbc.sql("update cryptocurrencies set likes = likes - 1 where uuid = ?")
                    .param(event.coinUuid())
                    .update();
        }
    }
}
