package io.cryptotalks.gateway.market;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One coin (E28), the market stats (E29) and a coin's price history, as the crypto-rates-service last wrote them. */
@Repository
class MarketReads {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CoinDirectory directory;

    MarketReads(JdbcClient jdbc, Clock clock, CoinDirectory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    /** The coin with {@code isFavorite} false: the caller's own flag is added per request, never shared. */
    Optional<MarketResponses.Coin> coin(String uuid) {
        return jdbc.sql("select " + CoinSearch.ROW_COLUMNS + """
                        , c.symbol_id, c.description, c.created_at, c.updated_at
                        from cryptocurrencies c where c.uuid = :uuid""")
                .param("uuid", uuid)
                .query((rs, row) -> {
                    MarketResponses.CoinRow r = CoinSearch.row(rs);
                    return new MarketResponses.Coin(
                            r.id(),
                            r.uuid(),
                            rs.getString("symbol_id"),
                            r.symbol(),
                            r.name(),
                            rs.getString("description"),
                            r.iconUrl(),
                            r.volume24h(),
                            r.marketCap(),
                            r.price(),
                            r.btcPrice(),
                            r.change(),
                            r.coinrankingUrl(),
                            r.sparkline(),
                            r.rank(),
                            r.tier(),
                            r.likes(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            false);
                })
                .optional();
    }

    boolean exists(String uuid) {
        return directory.exists(uuid);
    }

    /** The newest stats row: the worker replaces its one row in one statement, so there is never a gap once synced. */
    Optional<MarketResponses.MarketStats> stats() {
        return jdbc.sql("""
                        select total, total_coins, total_markets, total_exchanges, total_market_cap,
                               total_daily_volume, updated_at, sample
                        from market_stats order by updated_at desc, id limit 1""")
                .query((rs, row) -> new MarketResponses.MarketStats(
                        rs.getInt("total"),
                        rs.getInt("total_coins"),
                        rs.getInt("total_markets"),
                        rs.getInt("total_exchanges"),
                        rs.getString("total_market_cap"),
                        rs.getString("total_daily_volume"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("sample")))
                .optional();
    }

    /** The coin's points of the range, oldest first; empty when there is no such coin. */
    Optional<MarketResponses.History> history(String uuid, HistoryRange range) {
        if (!exists(uuid)) {
            return Optional.empty();
        }
        List<MarketResponses.PricePoint> points = jdbc.sql("""
                        select at, price, market_cap from price_history
                        where coin_uuid = :uuid and at >= :since order by at""")
                .param("uuid", uuid)
                .param("since", OffsetDateTime.ofInstant(clock.instant().minus(range.length()), clock.getZone()))
                .query((rs, row) -> new MarketResponses.PricePoint(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getDouble("price"),
                        CoinSearch.plain(rs.getBigDecimal("market_cap"))))
                .list();
        return Optional.of(new MarketResponses.History(uuid, range.label(), points));
    }

    /** The user of a username (any case), for someone's public favourites. */
    Optional<UUID> userIdOf(String username) {
        return jdbc.sql("select id from users where lower(username) = lower(:username)")
                .param("username", username.strip())
                .query(UUID.class)
                .optional();
    }
}
