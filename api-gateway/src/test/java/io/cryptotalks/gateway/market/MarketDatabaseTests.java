package io.cryptotalks.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.tracing.TraceParents;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The market's SQL on a real PostgreSQL with the real schema: the crypto-rates-service's migrations (read from that
 * module, unchanged) and the gateway's own. This database is the test's alone, so it can be empty where a test needs it
 * (market stats before the first sync).
 */
class MarketDatabaseTests {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
    private final TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    private final EventJson json = new EventJson();
    private final Clock clock = Clock.systemUTC();
    private final CoinSearch search = new CoinSearch(jdbc, transactionManager);
    private final MarketReads reads = new MarketReads(jdbc, clock, new CoinDirectory(jdbc));
    private final FavouriteProjection projection = new FavouriteProjection(jdbc, json, transactionManager);
    private final MarketCache cache = new MarketCache(Duration.ofSeconds(60), 1000);
    private final MarketQueries queries = new MarketQueries(search, reads, projection, cache);
    private final FavouriteService favourites =
            new FavouriteService(reads, new OutboxWriter(jdbc, json, clock, TraceParents.NONE), transactions);

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_history_crypto")
                .locations("filesystem:../crypto-rates-service/src/main/resources/db/migration/crypto")
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_history_gateway")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:db/outbox", "classpath:db/gateway")
                .load()
                .migrate();
        // the users-service's table, only the columns the gateway reads here
        JdbcClient.create(dataSource)
                .sql("create table users (id uuid primary key, username varchar(255) not null)")
                .update();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        for (String table : List.of(
                "cryptocurrencies",
                "favorite_coins",
                "market_stats",
                "price_history",
                "outbox",
                "crypto_processed_events",
                "users")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    @Test
    void searchFindsPrefixesSubstringsSymbolsAndTypos() {
        coin("Qwsogvtv82FCd", "BTC", "Bitcoin", 1);
        coin("razxDUgYGNAdQ", "ETH", "Ethereum", 2);
        coin("HIVsRcGKkPFtW", "USDT", "Tether", 3);
        coin("a7KW8lRSYIXAh", "DOGE", "Dogecoin", 8);
        coin("hnfQfsYfeIGUQ", "ETC", "Ethereum Classic", 25);

        assertThat(names(search("eth")))
                .contains("Ethereum", "Ethereum Classic")
                .doesNotContain("Bitcoin", "Dogecoin");
        assertThat(names(search("bitcon"))).as("a typo").contains("Bitcoin").doesNotContain("Ethereum");
        assertThat(names(search("  ETHER  "))).as("any case, trimmed").contains("Ethereum", "Ethereum Classic");
        assertThat(names(search("usdt"))).as("a symbol").containsExactly("Tether");
        assertThat(names(search("classic"))).as("a substring").containsExactly("Ethereum Classic");
        assertThat(search("%").count()).as("LIKE wildcards are literal").isZero();
        assertThat(search("_").count()).isZero();

        MarketResponses.CoinPage firstOfTwo = search.page(new CoinQuery(0, 1, "asc", "rank", "ethereum"));
        assertThat(firstOfTwo.count()).as("count is every match, not the page").isEqualTo(2);
        assertThat(firstOfTwo.rows()).extracting(MarketResponses.CoinRow::name).containsExactly("Ethereum");
        assertThat(search.page(new CoinQuery(1, 1, "asc", "rank", "ethereum")).rows())
                .extracting(MarketResponses.CoinRow::name)
                .containsExactly("Ethereum Classic");
    }

    @Test
    void numbersSortAsNumbersWithTiesBrokenByRank() {
        coin("c9", "NINE", "Nine", 3, new BigDecimal("9.50"), new BigDecimal("900"), 1.0, -2.0, 0);
        coin("c10", "TEN", "Ten", 2, new BigDecimal("10.00"), new BigDecimal("10000"), 1.0, null, 0);
        coin("c100", "HUND", "Hundred", 1, new BigDecimal("100.25"), new BigDecimal("20"), 2.0, 5.5, 0);

        assertThat(symbols(list("asc", "volume24h"))).containsExactly("NINE", "TEN", "HUND");
        assertThat(symbols(list("DESC", "volume24h"))).containsExactly("HUND", "TEN", "NINE");
        assertThat(symbols(list("asc", "marketCap"))).containsExactly("HUND", "NINE", "TEN");
        assertThat(symbols(list("asc", "price")))
                .as("equal prices in rank order")
                .containsExactly("TEN", "NINE", "HUND");
        assertThat(symbols(list("desc", "change"))).as("no change last").containsExactly("HUND", "NINE", "TEN");
        assertThat(symbols(list("asc", "change"))).containsExactly("NINE", "HUND", "TEN");
        MarketResponses.CoinRow hundred = list("asc", "rank").rows().get(0);
        assertThat(hundred.volume24h()).isEqualTo("100.25");
        assertThat(hundred.marketCap()).isEqualTo("20");
        assertThat(hundred.change()).isEqualTo(5.5);
        assertThat(list("asc", "name").rows().get(2).change()).as("Ten").isNull();
    }

    @Test
    void likesHonourPageOrderAndSearch() {
        coin("l1", "AAA", "Alpha coin", 1, BigDecimal.ONE, BigDecimal.ONE, 1, 0.0, 5);
        coin("l2", "BBB", "Beta coin", 2, BigDecimal.ONE, BigDecimal.ONE, 1, 0.0, 9);
        coin("l3", "CCC", "Gamma coin", 3, BigDecimal.ONE, BigDecimal.ONE, 1, 0.0, 1);
        coin("l4", "DDD", "Delta token", 4, BigDecimal.ONE, BigDecimal.ONE, 1, 0.0, 7);

        MarketResponses.CoinPage top = search.page(new CoinQuery(0, 2, "DESC", "likes", null));
        assertThat(top.count()).isEqualTo(4);
        assertThat(symbols(top)).containsExactly("BBB", "DDD");
        assertThat(top.rows().get(0).likes()).isEqualTo(9);
        assertThat(symbols(search.page(new CoinQuery(1, 2, "DESC", "likes", null))))
                .containsExactly("AAA", "CCC");
        assertThat(symbols(search.page(new CoinQuery(0, 2, "ASC", "likes", null))))
                .containsExactly("CCC", "AAA");
        MarketResponses.CoinPage coins = search.page(new CoinQuery(0, 10, "desc", "likes", "coin"));
        assertThat(coins.count()).isEqualTo(3);
        assertThat(symbols(coins)).containsExactly("BBB", "AAA", "CCC");
    }

    @Test
    void marketStatsAre503UntilTheFirstSyncThenTheNewestRow() {
        assertThatThrownBy(queries::stats).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isEqualTo(ApiError.MARKET_NOT_SYNCED);
            assertThat(e.error().status().value()).isEqualTo(503);
            assertThat(e.retryAfter()).isPresent();
        });

        stats(683, "1258893992421", Instant.now().minusSeconds(3600), true);
        MarketResponses.MarketStats first = queries.stats();
        assertThat(first.total()).isEqualTo(683);
        assertThat(first.totalCoins()).isEqualTo(24625);
        assertThat(first.totalMarkets()).isEqualTo(40089);
        assertThat(first.totalExchanges()).isEqualTo(179);
        assertThat(first.totalMarketCap()).isEqualTo("1258893992421");
        assertThat(first.total24hVolume()).isEqualTo("90917765538");
        assertThat(first.sample()).isTrue();

        stats(700, "1300000000000", Instant.now(), false);
        assertThat(queries.stats().total()).as("cached until the notice").isEqualTo(683);
        cache.invalidateAll();
        assertThat(queries.stats().total()).as("the newest row").isEqualTo(700);
        assertThat(queries.stats().sample()).isFalse();
    }

    @Test
    void historyOfARangeOldestFirst() {
        coin("h1", "HIS", "History coin", 1);
        Instant now = Instant.now();
        point("h1", now.minus(Duration.ofDays(40)), 1.0);
        point("h1", now.minus(Duration.ofDays(10)), 2.0);
        point("h1", now.minus(Duration.ofDays(2)), 3.0);
        point("h1", now.minus(Duration.ofHours(1)), 4.0);
        point("other", now.minus(Duration.ofHours(1)), 99.0);

        assertThat(prices(queries.history("h1", HistoryRange.parse(null)))).containsExactly(4.0);
        assertThat(prices(queries.history("h1", HistoryRange.parse("7d")))).containsExactly(3.0, 4.0);
        MarketResponses.History month = queries.history("h1", HistoryRange.parse("30d"));
        assertThat(prices(month)).containsExactly(2.0, 3.0, 4.0);
        assertThat(month.range()).isEqualTo("30d");
        assertThat(month.points().get(0).marketCap()).isEqualTo("12345");
        assertThatThrownBy(() -> queries.history("nope", HistoryRange.DAY))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.NO_CRYPTO));
        assertThatThrownBy(() -> HistoryRange.parse("1y"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.BAD_REQUEST));
    }

    @Test
    void theCallerReadsTheirFavouritesAtOnceWhateverTheWorkerHasApplied() {
        coin("f1", "FAV", "Favourite coin", 1);
        coin("f2", "TWO", "Second coin", 2);
        UUID user = user("collector");
        UUID other = user("bystander");

        favourites.favourite(user, "f1");
        favourites.favourite(user, "f1");
        favourites.favourite(user, "f2");
        assertThat(queries.coin("f1", user).isFavorite()).isTrue();
        assertThat(queries.coin("f1", other).isFavorite())
                .as("per caller, never cached across users")
                .isFalse();
        assertThat(queries.coin("f1", null).isFavorite()).isFalse();
        assertThat(symbols(queries.favourites(CoinQuery.of(0, 10, "asc", "rank"), null, user)))
                .as("twice is once")
                .containsExactly("FAV", "TWO");

        // the worker applies the first two events: the row, and those events recorded as processed
        jdbc.sql("insert into favorite_coins (user_id, coin_uuid) values (?, 'f1')")
                .param(user)
                .update();
        jdbc.sql("""
                insert into crypto_processed_events (event_id, event_type)
                select event_id, event_type from outbox where message_key = ? order by seq limit 2""").param(user.toString()).update();
        assertThat(symbols(queries.favourites(CoinQuery.of(0, 10, "desc", "rank"), null, user)))
                .containsExactly("TWO", "FAV");

        favourites.unfavourite(user, "f1");
        favourites.unfavourite(user, "f1");
        assertThat(queries.coin("f1", user).isFavorite())
                .as("the row is there, the removal still pending")
                .isFalse();
        MarketResponses.CoinPage left = queries.favourites(CoinQuery.of(0, 10, "asc", "rank"), "COLLECTOR", other);
        assertThat(left.count()).as("someone else's list by username, any case").isEqualTo(1);
        assertThat(symbols(left)).containsExactly("TWO");
        assertThat(queries.favourites(CoinQuery.of(0, 10, "asc", "rank"), null, other)
                        .count())
                .isZero();

        assertError(() -> queries.favourites(CoinQuery.of(0, 10, "asc", "rank"), null, null), ApiError.INVALID_TOKEN);
        assertError(
                () -> queries.favourites(CoinQuery.of(0, 10, "asc", "rank"), "nobody-here", user),
                ApiError.USER_NOT_FOUND);
        assertError(() -> favourites.favourite(user, "no-such-coin"), ApiError.NO_CRYPTO);
        assertError(() -> favourites.unfavourite(user, "no-such-coin"), ApiError.NO_CRYPTO);
        assertThat(jdbc.sql("select count(*) from outbox where message_key = ?")
                        .param(user.toString())
                        .query(Long.class)
                        .single())
                .as("one event per accepted call, none for a refused one")
                .isEqualTo(5);
    }

    @Test
    void sharedReadsComeFromTheCacheUntilASyncNotice() {
        coin("k1", "KKK", "Cached coin", 1);
        assertThat(queries.list(CoinQuery.of(0, 10, "asc", "rank"))
                        .rows()
                        .get(0)
                        .price())
                .isEqualTo(1.0);
        assertThat(queries.coin("k1", null).price()).isEqualTo(1.0);

        jdbc.sql("update cryptocurrencies set price = 2.5 where uuid = 'k1'").update();
        assertThat(queries.list(CoinQuery.of(0, 10, "asc", "rank"))
                        .rows()
                        .get(0)
                        .price())
                .isEqualTo(1.0);
        assertThat(queries.list(CoinQuery.of(0, 10, "ASC", "RANK"))
                        .rows()
                        .get(0)
                        .price())
                .as("the same query in another case is the same entry")
                .isEqualTo(1.0);
        assertThat(queries.coin("k1", null).price()).isEqualTo(1.0);

        cache.invalidateAll();
        assertThat(queries.list(CoinQuery.of(0, 10, "asc", "rank"))
                        .rows()
                        .get(0)
                        .price())
                .isEqualTo(2.5);
        assertThat(queries.coin("k1", null).price()).isEqualTo(2.5);
        assertError(() -> queries.coin("missing", null), ApiError.NO_CRYPTO);
        coin("missing", "MIS", "Missing until now", 2);
        assertThat(queries.coin("missing", null).name())
                .as("a miss is not cached")
                .isEqualTo("Missing until now");
    }

    private MarketResponses.CoinPage search(String text) {
        return search.page(new CoinQuery(0, 100, "asc", "rank", text));
    }

    private MarketResponses.CoinPage list(String order, String orderBy) {
        return search.page(new CoinQuery(0, 100, order, orderBy, null));
    }

    private static List<String> names(MarketResponses.CoinPage page) {
        assertThat(page.count()).isEqualTo(page.rows().size());
        return page.rows().stream().map(MarketResponses.CoinRow::name).toList();
    }

    private static List<String> symbols(MarketResponses.CoinPage page) {
        return page.rows().stream().map(MarketResponses.CoinRow::symbol).toList();
    }

    private static List<Double> prices(MarketResponses.History history) {
        return history.points().stream().map(MarketResponses.PricePoint::price).toList();
    }

    private static void assertError(Runnable call, ApiError expected) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private void coin(String uuid, String symbol, String name, int rank) {
        coin(uuid, symbol, name, rank, new BigDecimal("1000.00"), new BigDecimal("100000"), 1.0, 0.5, 0);
    }

    private void coin(
            String uuid,
            String symbol,
            String name,
            int rank,
            BigDecimal volume,
            BigDecimal marketCap,
            double price,
            Double change,
            int likes) {
        jdbc.sql("""
                        insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price,
                                                      btc_price, change, coinranking_url, sparkline, rank, tier, likes)
                        values (:id, :uuid, :symbol, :name, 'https://cdn.example/icon.svg', :volume, :marketCap, :price,
                                0.5, :change, 'https://coinranking.com/coin/x', cast(:sparkline as varchar[]), :rank, 1,
                                :likes)""")
                .param("id", UUID.randomUUID())
                .param("uuid", uuid)
                .param("symbol", symbol)
                .param("name", name)
                .param("volume", volume)
                .param("marketCap", marketCap)
                .param("price", price)
                .param("change", change)
                .param("sparkline", new String[] {"1.5", null, "2.5"})
                .param("rank", rank)
                .param("likes", likes)
                .update();
    }

    private void stats(int total, String marketCap, Instant at, boolean sample) {
        jdbc.sql("""
                        insert into market_stats (id, total, total_coins, total_markets, total_exchanges, total_market_cap,
                                                  total_daily_volume, created_at, updated_at, sample)
                        values (:id, :total, 24625, 40089, 179, :marketCap, '90917765538', :at, :at, :sample)""")
                .param("id", UUID.randomUUID())
                .param("total", total)
                .param("marketCap", marketCap)
                .param("at", Timestamp.from(at))
                .param("sample", sample)
                .update();
    }

    private void point(String uuid, Instant at, double price) {
        jdbc.sql("insert into price_history (coin_uuid, at, price, market_cap) values (?, ?, ?, 12345)")
                .params(uuid, Timestamp.from(at), price)
                .update();
    }

    private UUID user(String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, username) values (?, ?)")
                .params(id, username)
                .update();
        return id;
    }
}
