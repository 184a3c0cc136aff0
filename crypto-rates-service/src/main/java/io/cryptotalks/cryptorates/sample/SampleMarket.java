package io.cryptotalks.cryptorates.sample;

import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.cryptorates.coinranking.CoinrankingFormat;
import io.cryptotalks.cryptorates.market.CoinReading;
import io.cryptotalks.cryptorates.market.Coins;
import io.cryptotalks.cryptorates.market.MarketNotices;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import io.cryptotalks.cryptorates.market.MarketStats;
import io.cryptotalks.cryptorates.market.PriceHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline market: {@code sample-market.json} (about 50 real coins in Coinranking's {@code /coins} format, each
 * with a short description) loaded in one transaction: coins upserted, each coin's history replaced by an hourly
 * random walk over 7 days that ends now at its price, the stats row marked {@code sample}; then the
 * {@code market-synced} notice, marked sample too.
 */
@Component
public class SampleMarket {

    static final String RESOURCE = "sample-market.json";
    /** Hourly points covering 7 days, both ends included. */
    static final int HISTORY_POINTS = 7 * 24 + 1;

    private final CoinrankingFormat format;
    private final JsonMapper mapper;
    private final Coins coins;
    private final MarketStats stats;
    private final PriceHistory history;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MarketNotices notices;
    private final Clock clock;

    SampleMarket(
            JsonMapper mapper,
            Coins coins,
            MarketStats stats,
            PriceHistory history,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            MarketNotices notices,
            Clock clock) {
        this.format = new CoinrankingFormat(mapper);
        this.mapper = mapper;
        this.coins = coins;
        this.stats = stats;
        this.history = history;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.notices = notices;
        this.clock = clock;
    }

    /** @return false when the sample could not be loaded (logged as a {@code CRYPTO} error; nothing applied) */
    public boolean load() {
        Instant started = clock.instant();
        MarketSnapshot sample;
        int changed;
        try {
            JsonNode body = read();
            sample = format.read(body);
            Instant end = started.truncatedTo(ChronoUnit.SECONDS);
            changed = transaction.execute(status -> {
                int upserted = 0;
                for (CoinReading coin : sample.coins()) {
                    upserted += coins.upsert(coin) ? 1 : 0;
                    history.replace(coin.uuid(), RandomWalk.hourlyEndingAt(coin, end, HISTORY_POINTS));
                }
                describe(body);
                stats.replace(sample.totals(), true);
                return upserted;
            });
        } catch (RuntimeException e) {
            notices.failed("The bundled sample market was not loaded: " + e.getMessage(), e);
            return false;
        }
        notices.committed(
                new MarketSynced(sample.seen(), changed, sample.rejected().size(), true),
                "The bundled sample market was loaded (no Coinranking key): " + sample.seen() + " coins seen, "
                        + changed + " changed, " + sample.rejected().size() + " failed, in "
                        + Duration.between(started, clock.instant()).toMillis() + " ms.");
        return true;
    }

    /** The hand-written descriptions, for coins whose description CoinGecko has not given yet. */
    private void describe(JsonNode body) {
        for (JsonNode coin : body.path("data").path("coins")) {
            String description = coin.path("description").asString(null);
            if (description != null) {
                jdbc.sql(
                                "update cryptocurrencies set description = ? where uuid = ? and description_fetched_at is null")
                        .params(description, coin.path("uuid").asString())
                        .update();
            }
        }
    }

    private JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled " + RESOURCE + " is unreadable", e);
        }
    }
}
