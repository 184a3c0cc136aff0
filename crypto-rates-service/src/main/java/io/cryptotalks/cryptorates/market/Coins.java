package io.cryptotalks.cryptorates.market;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes coins into {@code cryptocurrencies}, keyed by the Coinranking uuid. */
@Component
public class Coins {

    /*
     * Every market field is really updated (the original's upsert only rewrote the uuid, so prices froze at their first
     * insert), but only when one differs: the update count then says whether the coin changed, and updated_at moves
     * only on a change. likes, symbol_id and the description belong to other writers and are left alone.
     */
    private static final String UPSERT = """
            insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price, btc_price,
                                          change, coinranking_url, sparkline, rank, tier)
            values (:id, :uuid, :symbol, :name, :iconUrl, :volume24h, :marketCap, :price, :btcPrice,
                    :change, :coinrankingUrl, :sparkline, :rank, :tier)
            on conflict (uuid) do update set
                symbol = excluded.symbol, name = excluded.name, icon_url = excluded.icon_url,
                volume_24h = excluded.volume_24h, market_cap = excluded.market_cap, price = excluded.price,
                btc_price = excluded.btc_price, change = excluded.change, coinranking_url = excluded.coinranking_url,
                sparkline = excluded.sparkline, rank = excluded.rank, tier = excluded.tier, updated_at = now()
            where (cryptocurrencies.symbol, cryptocurrencies.name, cryptocurrencies.icon_url, cryptocurrencies.volume_24h,
                   cryptocurrencies.market_cap, cryptocurrencies.price, cryptocurrencies.btc_price, cryptocurrencies.change,
                   cryptocurrencies.coinranking_url, cryptocurrencies.sparkline, cryptocurrencies.rank, cryptocurrencies.tier)
                  is distinct from
                  (excluded.symbol, excluded.name, excluded.icon_url, excluded.volume_24h, excluded.market_cap,
                   excluded.price, excluded.btc_price, excluded.change, excluded.coinranking_url, excluded.sparkline,
                   excluded.rank, excluded.tier)
            """;

    private final JdbcClient jdbc;

    Coins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when the coin was inserted or any of its market fields changed */
    public boolean upsert(CoinReading coin) {
        return jdbc.sql(UPSERT)
                        .param("id", UUID.randomUUID())
                        .param("uuid", coin.uuid())
                        .param("symbol", coin.symbol())
                        .param("name", coin.name())
                        .param("iconUrl", coin.iconUrl())
                        .param("volume24h", coin.volume24h())
                        .param("marketCap", coin.marketCap())
                        .param("price", coin.price())
                        .param("btcPrice", coin.btcPrice())
                        .param("change", coin.change())
                        .param("coinrankingUrl", coin.coinrankingUrl())
                        .param("sparkline", coin.sparkline().toArray(String[]::new))
                        .param("rank", coin.rank())
                        .param("tier", coin.tier())
                        .update()
                == 1;
    }
}
