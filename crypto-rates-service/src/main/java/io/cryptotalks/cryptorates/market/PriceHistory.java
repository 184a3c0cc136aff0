package io.cryptotalks.cryptorates.market;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code price_history}: a point per coin per sync, thinned as it ages so the table stays small: the last 24 hours
 * keep every point, up to 7 days one per hour, up to 30 days one per 6 hours, older points go.
 */
@Component
public class PriceHistory {

    private static final String INSERT =
            "insert into price_history (coin_uuid, at, price, market_cap) values (?, ?, ?, ?)"
                    + " on conflict (coin_uuid, at) do nothing";

    /** Within each bucket (aligned to UTC hours) the latest point stays. */
    private static final String THIN = """
            delete from price_history p
            using (select coin_uuid, at,
                          row_number() over (partition by coin_uuid,
                                                 date_bin(cast(:bucket as interval), at, timestamptz '2000-01-01 00:00Z')
                                             order by at desc) as nth
                   from price_history
                   where at >= :from and at < :to) bucketed
            where p.coin_uuid = bucketed.coin_uuid and p.at = bucketed.at and bucketed.nth > 1
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    PriceHistory(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One point at {@code at} for each coin, at its current price and market cap. */
    public void record(Collection<CoinReading> coins, Instant at) {
        Timestamp time = Timestamp.from(at);
        batches.batchUpdate(
                INSERT,
                coins.stream()
                        .map(coin -> new Object[] {coin.uuid(), time, coin.price(), coin.marketCap()})
                        .toList());
    }

    /** The coin's history becomes exactly {@code points}. */
    public void replace(String coinUuid, List<Point> points) {
        jdbc.sql("delete from price_history where coin_uuid = ?")
                .param(coinUuid)
                .update();
        batches.batchUpdate(
                INSERT,
                points.stream()
                        .map(point ->
                                new Object[] {coinUuid, Timestamp.from(point.at()), point.price(), point.marketCap()})
                        .toList());
    }

    /** Every point of every coin (the sample's invented history, once real prices arrive). */
    public void clear() {
        jdbc.sql("delete from price_history").update();
    }

    public void thin(Instant now) {
        jdbc.sql("delete from price_history where at < ?")
                .param(utc(now.minus(Duration.ofDays(30))))
                .update();
        thin(now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(1)), "1 hour");
        thin(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(7)), "6 hours");
    }

    private void thin(Instant from, Instant to, String bucket) {
        jdbc.sql(THIN)
                .param("bucket", bucket)
                .param("from", utc(from))
                .param("to", utc(to))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record Point(Instant at, double price, BigDecimal marketCap) {}
}
