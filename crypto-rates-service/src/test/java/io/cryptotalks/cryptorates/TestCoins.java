package io.cryptotalks.cryptorates;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Coins written straight into the table, each with a uuid of its own. */
public final class TestCoins {

    private TestCoins() {}

    public static String insert(JdbcClient jdbc, String symbol, String name, int likes) {
        String uuid = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        jdbc.sql("""
                        insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price,
                                                      btc_price, change, coinranking_url, rank, tier, likes)
                        values (?, ?, ?, ?, 'https://cdn.coinranking.com/x/test.svg', 1000, 100000, 1.5, 0.00001, 0.5,
                                'https://coinranking.com/coin/test', 5000, 3, ?)
                        """).params(UUID.randomUUID(), uuid, symbol, name, likes).update();
        return uuid;
    }

    public static int likes(JdbcClient jdbc, String uuid) {
        return jdbc.sql("select likes from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query(Integer.class)
                .single();
    }
}
