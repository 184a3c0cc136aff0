package io.cryptotalks.cryptorates.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.cryptorates.WithMarketApis;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Old points are thinned: all of the last day, one per hour up to a week, one per 6 hours up to 30 days, none older. */
class PriceHistoryThinningTests extends WithMarketApis {

    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Autowired
    PriceHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void agedPointsAreThinnedToTheirBuckets() {
        String coin = "thin" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        Instant tenDaysAgo = startOfSixHours(now.minus(Duration.ofDays(10)));
        List<Instant> recent = List.of(
                now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(50)), now.minus(Duration.ofHours(23)));
        List<Instant> sameHour = List.of(
                twoDaysAgo, twoDaysAgo.plusSeconds(600), twoDaysAgo.plusSeconds(1200), twoDaysAgo.plusSeconds(3000));
        Instant otherHour = now.minus(Duration.ofDays(3));
        List<Instant> sameSixHours = List.of(
                tenDaysAgo,
                tenDaysAgo.plus(Duration.ofHours(1)),
                tenDaysAgo.plus(SIX_HOURS).minusSeconds(60));
        Instant nextSixHours = tenDaysAgo.plus(SIX_HOURS);
        List<Instant> tooOld = List.of(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(90)));
        for (List<Instant> points :
                List.of(recent, sameHour, List.of(otherHour), sameSixHours, List.of(nextSixHours), tooOld)) {
            points.forEach(at -> insert(coin, at));
        }

        history.thin(now);

        assertThat(pointsOf(coin))
                .containsExactlyInAnyOrder(
                        recent.get(0),
                        recent.get(1),
                        recent.get(2),
                        twoDaysAgo.plusSeconds(3000),
                        otherHour,
                        tenDaysAgo.plus(SIX_HOURS).minusSeconds(60),
                        nextSixHours);
    }

    private static Instant startOfSixHours(Instant at) {
        long seconds = SIX_HOURS.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    private void insert(String coin, Instant at) {
        jdbc.sql("insert into price_history (coin_uuid, at, price, market_cap) values (?, ?, 1.5, ?)")
                .params(coin, Timestamp.from(at), BigDecimal.TEN)
                .update();
    }

    private List<Instant> pointsOf(String coin) {
        return jdbc
                .sql("select at from price_history where coin_uuid = ?")
                .param(coin)
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }
}
