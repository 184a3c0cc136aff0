package io.cryptotalks.gateway.market;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coins by symbol and their prices now, for the posts' cashtags: read from the crypto-rates-service's table each time,
 * past the {@link MarketCache} (one batched statement per answer), so a price is as fresh as the last sync.
 */
@Repository
public class CoinDirectory {

    private final JdbcClient jdbc;

    CoinDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A coin a symbol names. */
    public record CoinRef(String symbol, String uuid, double price) {}

    /**
     * The coins the symbols name, keyed by the symbol as asked (any case matches); a symbol several coins share names
     * the highest-ranked one (rank 1 is the top). Unknown symbols are absent.
     */
    public Map<String, CoinRef> bySymbol(Collection<String> symbols) {
        Map<String, String> asked = new LinkedHashMap<>();
        symbols.forEach(symbol -> asked.putIfAbsent(symbol.toLowerCase(Locale.ROOT), symbol));
        Map<String, CoinRef> coins = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return coins;
        }
        jdbc.sql("""
                        select distinct on (lower(symbol)) lower(symbol) as symbol_key, uuid, price
                        from cryptocurrencies where lower(symbol) = any(cast(:symbols as text[]))
                        order by lower(symbol), rank, uuid""")
                .param("symbols", asked.keySet().toArray(String[]::new))
                .query((rs, row) -> {
                    String symbol = asked.get(rs.getString("symbol_key"));
                    return new CoinRef(symbol, rs.getString("uuid"), rs.getDouble("price"));
                })
                .list()
                .forEach(coin -> coins.put(coin.symbol(), coin));
        return coins;
    }

    /** The coins' prices now, by uuid; a coin no longer listed is absent. */
    public Map<String, Double> prices(Collection<String> uuids) {
        Map<String, Double> prices = new LinkedHashMap<>();
        if (uuids.isEmpty()) {
            return prices;
        }
        jdbc.sql("select uuid, price from cryptocurrencies where uuid = any(cast(:uuids as text[]))")
                .param("uuids", uuids.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString("uuid"), rs.getDouble("price")))
                .list()
                .forEach(entry -> prices.put(entry.getKey(), entry.getValue()));
        return prices;
    }

    public boolean exists(String uuid) {
        return jdbc.sql("select exists (select 1 from cryptocurrencies where uuid = :uuid)")
                .param("uuid", uuid)
                .query(Boolean.class)
                .single();
    }
}
