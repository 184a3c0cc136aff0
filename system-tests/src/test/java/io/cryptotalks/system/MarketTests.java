package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.devstack.DevStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The market API (E27–E32 and the price history) on the running system. The coins, stats and history are seeded here
 * straight into PostgreSQL, each test with its own coin uuids and a marker in their names (the crypto-rates-service's
 * sync may load other coins alongside); favourites go through the real outbox, Kafka and worker.
 */
class MarketTests {

    private static final EventJson EVENTS = new EventJson();
    private static KafkaProducer<String, String> producer;

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();
    private final String marker = marker();

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void listSearchesByPrefixSubstringSymbolAndTypoAndSortsNumbersAsNumbers() {
        String bitcoin = coin("BTC", "Bitcoin", 1, "100.25", "1258893992421", 43000.12, -1.23, 3);
        String ethereum = coin("ETH", "Ethereum", 2, "9.50", "900", 2500.5, null, 9);
        coin("ETC", "Ethereum Classic", 30, "10.00", "10000", 20.0, 4.0, 1);

        JsonNode mine = list("/0/100/ASC/volume24h?searchQuery=" + marker);
        assertThat(mine.get("count").asInt()).isEqualTo(3);
        assertThat(names(mine))
                .as("9.50 < 10.00 < 100.25, not as text")
                .containsExactly("Ethereum " + marker, "Ethereum Classic " + marker, "Bitcoin " + marker);
        assertThat(names(list("/0/100/desc/marketCap?searchQuery=" + marker)))
                .containsExactly("Bitcoin " + marker, "Ethereum Classic " + marker, "Ethereum " + marker);
        assertThat(names(list("/0/100/desc/change?searchQuery=" + marker)))
                .as("no change last")
                .containsExactly("Ethereum Classic " + marker, "Bitcoin " + marker, "Ethereum " + marker);

        JsonNode row = rowOf(mine, bitcoin);
        assertThat(row.get("symbol").asString()).isEqualTo(symbolOf(bitcoin)).startsWith("BTC");
        assertThat(row.get("name").asString()).isEqualTo("Bitcoin " + marker);
        assertThat(row.get("volume24h").isString()).isTrue();
        assertThat(row.get("volume24h").asString()).isEqualTo("100.25");
        assertThat(row.get("marketCap").asString()).isEqualTo("1258893992421");
        assertThat(row.get("price").isNumber()).isTrue();
        assertThat(row.get("price").asDouble()).isEqualTo(43000.12);
        assertThat(row.get("btcPrice").asDouble()).isEqualTo(1.0);
        assertThat(row.get("change").asDouble()).isEqualTo(-1.23);
        assertThat(row.get("sparkline").get(1).isNull())
                .as("a gap in the sparkline stays a gap")
                .isTrue();
        assertThat(row.get("rank").asInt()).isEqualTo(1);
        assertThat(row.get("tier").asInt()).isEqualTo(1);
        assertThat(row.get("likes").asInt()).isEqualTo(3);
        assertThat(row.get("iconUrl").asString()).startsWith("https://");
        assertThat(row.get("coinrankingUrl").asString()).contains(bitcoin);
        assertThat(row.has("id")).isTrue();
        assertThat(rowOf(mine, ethereum).get("change").isNull()).isTrue();

        JsonNode eth = list("/0/100/asc/rank?searchQuery=eth");
        assertThat(names(eth))
                .as("a prefix finds both")
                .contains("Ethereum " + marker, "Ethereum Classic " + marker)
                .doesNotContain("Bitcoin " + marker);
        assertThat(list("/0/1/asc/rank?searchQuery=eth").get("count").asInt())
                .as("count is every match")
                .isEqualTo(eth.get("count").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(names(list("/0/100/asc/rank?searchQuery=bitcon")))
                .as("a typo")
                .contains("Bitcoin " + marker)
                .doesNotContain("Ethereum " + marker);
        assertThat(names(list("/0/100/asc/rank?searchQuery=ETHEREUM%20CLASSIC")))
                .as("any case")
                .contains("Ethereum Classic " + marker)
                .doesNotContain("Bitcoin " + marker);
        assertThat(names(
                        list("/0/100/asc/rank?searchQuery=" + symbolOf(ethereum).toLowerCase(Locale.ROOT))))
                .as("a symbol")
                .containsExactly("Ethereum " + marker);
    }

    @Test
    void likesHonourPageOrderAndSearch() {
        coin("AAA", "Alpha", 1, "1", "1", 1, 0.0, 5);
        coin("BBB", "Beta", 2, "1", "1", 1, 0.0, 9);
        coin("CCC", "Gamma", 3, "1", "1", 1, 0.0, 1);

        JsonNode top = list("/0/2/DESC/likes?searchQuery=" + marker);
        assertThat(top.get("count").asInt()).as("every match, not the page").isEqualTo(3);
        assertThat(names(top)).containsExactly("Beta " + marker, "Alpha " + marker);
        assertThat(names(list("/1/2/DESC/likes?searchQuery=" + marker))).containsExactly("Gamma " + marker);
        assertThat(names(list("/0/2/asc/likes?searchQuery=" + marker)))
                .containsExactly("Gamma " + marker, "Alpha " + marker);
    }

    @Test
    void badPagesOrdersColumnsAndSearchesAre400() {
        for (String bad : new String[] {
            "/-1/10/desc/rank",
            "/0/0/desc/rank",
            "/0/101/desc/rank",
            "/x/10/desc/rank",
            "/99999999999/10/desc/rank",
            "/0/10/sideways/rank",
            "/0/10/desc/password",
            "/0/10/desc/rank,name"
        }) {
            assertError(api.get("/api/crypto/list" + bad), 400, "bad-request");
            assertError(api.get("/api/crypto/list-favorites" + bad + "?username=johndoe"), 400, "bad-request");
        }
        assertError(api.get("/api/crypto/list/0/10/desc/rank?searchQuery=" + "x".repeat(51)), 400, "bad-request");
        assertThat(api.get("/api/crypto/list/0/10/desc/rank?searchQuery=" + "x".repeat(50))
                        .status())
                .isEqualTo(200);
        for (String orderBy :
                new String[] {"rank", "name", "price", "marketCap", "change", "volume24h", "likes", "tier", "createdAt"
                }) {
            assertThat(api.get("/api/crypto/list/0/5/asc/" + orderBy).status())
                    .as(orderBy)
                    .isEqualTo(200);
        }
    }

    @Test
    void aCoinWithItsHistoryAndTheErrors() {
        String uuid = coin("HST", "Historic", 7, "5.00", "500", 12.3, 1.5, 0);
        system.database()
                .sql("""
                        update cryptocurrencies set symbol_id = :symbolId, description = '<p>Plain <b>facts</b></p>'
                        where uuid = :uuid""")
                .param("symbolId", "historic-" + marker)
                .param("uuid", uuid)
                .update();
        Instant now = Instant.now();
        point(uuid, now.minus(Duration.ofDays(40)), 1.0);
        point(uuid, now.minus(Duration.ofDays(10)), 2.0);
        point(uuid, now.minus(Duration.ofDays(3)), 3.0);
        point(uuid, now.minus(Duration.ofHours(2)), 4.0);
        point(uuid, now.minus(Duration.ofMinutes(5)), 5.0);

        Api.Reply coin = api.get("/api/crypto/get/" + uuid);
        assertThat(coin.status()).as(coin.body()).isEqualTo(200);
        JsonNode body = coin.json();
        assertThat(body.get("uuid").asString()).isEqualTo(uuid);
        assertThat(body.get("symbolId").asString()).isEqualTo("historic-" + marker);
        assertThat(body.get("description").asString()).isEqualTo("<p>Plain <b>facts</b></p>");
        assertThat(body.get("isFavorite").isBoolean()).isTrue();
        assertThat(body.get("isFavorite").asBoolean()).isFalse();
        assertThat(body.get("createdAt").isString()).isTrue();
        assertThat(body.get("updatedAt").isString()).isTrue();
        assertThat(body.get("marketCap").asString()).isEqualTo("500");
        assertThat(body.get("likes").asInt()).isZero();
        assertThat(api.get("/api/crypto/get/" + uuid, "x-access-token", "Bearer null")
                        .json()
                        .get("isFavorite")
                        .asBoolean())
                .isFalse();
        assertError(api.get("/api/crypto/get/no-such-coin-" + marker), 404, "no-crypto");

        assertThat(prices(api.get("/api/crypto/history/" + uuid))).containsExactly(4.0, 5.0);
        assertThat(prices(api.get("/api/crypto/history/" + uuid + "?range=24h")))
                .containsExactly(4.0, 5.0);
        assertThat(prices(api.get("/api/crypto/history/" + uuid + "?range=7d"))).containsExactly(3.0, 4.0, 5.0);
        Api.Reply month = api.get("/api/crypto/history/" + uuid + "?range=30d");
        assertThat(prices(month)).as("oldest first").containsExactly(2.0, 3.0, 4.0, 5.0);
        assertThat(month.json().get("uuid").asString()).isEqualTo(uuid);
        assertThat(month.json().get("range").asString()).isEqualTo("30d");
        assertThat(month.json().get("points").get(0).get("marketCap").asString())
                .isEqualTo("777");
        assertThat(month.json().get("points").get(0).get("at").asString()).endsWith("Z");
        assertError(api.get("/api/crypto/history/" + uuid + "?range=1y"), 400, "bad-request");
        assertError(api.get("/api/crypto/history/no-such-coin-" + marker), 404, "no-crypto");
    }

    @Test
    void theCallerSeesTheirFavouritesAtOnceAndOthersSeeThemByUsername() {
        Users.User fan = users.signedIn("fan");
        Users.User other = users.signedIn("other");
        String first = coin("FVA", "Favourite", 1, "1", "1", 1, 0.0, 0);
        String second = coin("FVB", "Second", 2, "1", "1", 1, 0.0, 0);

        assertThat(api.patch("/api/crypto/favorites/" + second, "", fan.auth()).text("message"))
                .isEqualTo("success");
        assertThat(api.patch("/api/crypto/favorites/" + first, "", fan.auth()).text("message"))
                .isEqualTo("success");
        assertThat(api.get("/api/crypto/get/" + first, fan.auth())
                        .json()
                        .get("isFavorite")
                        .asBoolean())
                .as("the moment the call returns")
                .isTrue();
        assertThat(api.get("/api/crypto/get/" + first, other.auth())
                        .json()
                        .get("isFavorite")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/crypto/get/" + first).json().get("isFavorite").asBoolean())
                .isFalse();
        JsonNode mine =
                api.get("/api/crypto/list-favorites/0/5/ASC/rank", fan.auth()).json();
        assertThat(mine.get("count").asInt()).isEqualTo(2);
        assertThat(names(mine)).containsExactly("Favourite " + marker, "Second " + marker);
        assertThat(names(api.get("/api/crypto/list-favorites/0/1/desc/rank", fan.auth())
                        .json()))
                .containsExactly("Second " + marker);

        JsonNode byName = api.get("/api/crypto/list-favorites/0/5/asc/rank?username=" + fan.username())
                .json();
        assertThat(names(byName))
                .as("anyone may read a user's favourites (F6)")
                .containsExactly("Favourite " + marker, "Second " + marker);
        assertThat(names(api.get("/api/crypto/list-favorites/0/5/asc/rank?username=" + fan.username(), other.auth())
                        .json()))
                .as("the username wins over the caller")
                .hasSize(2);
        assertThat(api.get("/api/crypto/list-favorites/0/5/asc/rank", other.auth())
                        .json()
                        .get("count")
                        .asInt())
                .as("the caller's own, not somebody's (S24)")
                .isZero();

        assertThat(api.delete("/api/crypto/favorite/" + first, fan.auth()).text("message"))
                .isEqualTo("success");
        assertThat(api.get("/api/crypto/get/" + first, fan.auth())
                        .json()
                        .get("isFavorite")
                        .asBoolean())
                .isFalse();
        assertThat(names(api.get("/api/crypto/list-favorites/0/5/asc/rank", fan.auth())
                        .json()))
                .containsExactly("Second " + marker);
        assertThat(api.delete("/api/crypto/favorite/" + first, fan.auth()).status())
                .as("removing a non-favourite is fine")
                .isEqualTo(200);
    }

    @Test
    void favouritesNeedASignedInCallerAndAnExistingCoin() {
        Users.User fan = users.signedIn("strictfan");
        String coin = coin("ERR", "Errors", 1, "1", "1", 1, 0.0, 0);

        assertError(api.patch("/api/crypto/favorites/no-such-coin-" + marker, "", fan.auth()), 404, "no-crypto");
        assertError(api.delete("/api/crypto/favorite/no-such-coin-" + marker, fan.auth()), 404, "no-crypto");
        assertError(api.patch("/api/crypto/favorites/" + coin, ""), 401, "invalid-token");
        assertError(api.delete("/api/crypto/favorite/" + coin), 401, "invalid-token");
        assertThat(api.patch("/api/crypto/favorites/" + coin, "", "x-access-token", "Bearer not-a-jwt")
                        .status())
                .isEqualTo(401);
        assertThat(api.delete("/api/crypto/favorites/" + coin, fan.auth()).status())
                .as("the contract's singular DELETE")
                .isIn(404, 405);
        assertError(api.get("/api/crypto/list-favorites/0/5/asc/rank"), 401, "invalid-token");
        assertError(
                api.get("/api/crypto/list-favorites/0/5/asc/rank", "x-access-token", "Bearer null"),
                401,
                "invalid-token");
        assertError(
                api.get("/api/crypto/list-favorites/0/5/asc/rank?username=nobody-" + marker), 404, "user-not-found");
        assertThat(system.database()
                        .sql("select count(*) from outbox where message_key = ? and event_type like 'coin-%'")
                        .param(fan.id().toString())
                        .query(Long.class)
                        .single())
                .as("no event for a refused call")
                .isZero();
    }

    /** Passes once the crypto-rates-service applies the favourite events (branch market-worker). */
    @Test
    void favouritingTwiceIsOneFavouriteOnceTheWorkerHasAppliedIt() {
        Users.User fan = users.signedIn("twice");
        String coin = coin("TWC", "Twice", 1, "1", "1", 1, 0.0, 0);

        assertThat(api.patch("/api/crypto/favorites/" + coin, "", fan.auth()).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/crypto/favorites/" + coin, "", fan.auth()).status())
                .isEqualTo(200);
        JsonNode mine =
                api.get("/api/crypto/list-favorites/0/10/asc/rank", fan.auth()).json();
        assertThat(mine.get("count").asInt())
                .as("read-your-writes: one favourite")
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(system.database()
                            .sql("select count(*) from favorite_coins where user_id = ? and coin_uuid = ?")
                            .params(fan.id(), coin)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(system.database()
                            .sql("select likes from cryptocurrencies where uuid = ?")
                            .param(coin)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        });
        assertThat(api.get("/api/crypto/get/" + coin, fan.auth())
                        .json()
                        .get("isFavorite")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/crypto/list-favorites/0/10/asc/rank", fan.auth())
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void marketStatsAreTheNewestRowInFull() {
        UUID row = UUID.randomUUID();
        int total = ThreadLocalRandom.current().nextInt(1_000, 1_000_000);
        system.database().sql("""
                        insert into market_stats (id, total, total_coins, total_markets, total_exchanges,
                                                  total_market_cap, total_daily_volume, created_at, updated_at, sample)
                        values (:id, :total, 24625, 40089, 179, '1258893992421', '90917765538', now(), now(), true)""").param("id", row).param("total", total).update();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        publishMarketSynced();
                        Api.Reply stats = api.get("/api/crypto/market-stats");
                        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
                        Map<String, Object> newest =
                                system.database().sql("""
                                select total, total_coins, total_markets, total_exchanges, total_market_cap,
                                       total_daily_volume, sample
                                from market_stats order by updated_at desc, id limit 1""").query().singleRow();
                        JsonNode body = stats.json();
                        assertThat(body.get("total").asInt()).isEqualTo(newest.get("total"));
                        assertThat(body.get("totalCoins").asInt()).isEqualTo(newest.get("total_coins"));
                        assertThat(body.get("totalMarkets").asInt()).isEqualTo(newest.get("total_markets"));
                        assertThat(body.get("totalExchanges").asInt()).isEqualTo(newest.get("total_exchanges"));
                        assertThat(body.get("totalMarketCap").asString()).isEqualTo(newest.get("total_market_cap"));
                        assertThat(body.get("total24hVolume").asString()).isEqualTo(newest.get("total_daily_volume"));
                        assertThat(body.get("sample").asBoolean()).isEqualTo(newest.get("sample"));
                        assertThat(body.get("updatedAt").asString()).endsWith("Z");
                    });
        } finally {
            system.database()
                    .sql("delete from market_stats where id = ?")
                    .param(row)
                    .update();
        }
    }

    @Test
    void aMarketSyncedNoticeMakesAChangedPriceVisible() {
        String uuid = coin("CCH", "Cached", 1, "1", "1", 10.0, 0.0, 0);
        String page = "/0/10/asc/rank?searchQuery=" + symbolOf(uuid);
        assertThat(list(page).get("rows").get(0).get("price").asDouble()).isEqualTo(10.0);
        assertThat(api.get("/api/crypto/get/" + uuid).json().get("price").asDouble())
                .isEqualTo(10.0);

        system.database()
                .sql("update cryptocurrencies set price = 12.5, updated_at = now() where uuid = ?")
                .param(uuid)
                .update();
        assertThat(list(page).get("rows").get(0).get("price").asDouble())
                .as("served from the cache")
                .isEqualTo(10.0);

        // published on every poll: the gateway's consumer hears only notices sent after it joined (latest offset)
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    publishMarketSynced();
                    assertThat(list(page).get("rows").get(0).get("price").asDouble())
                            .isEqualTo(12.5);
                });
        assertThat(api.get("/api/crypto/get/" + uuid).json().get("price").asDouble())
                .isEqualTo(12.5);
    }

    @Test
    void theApiDocsDescribeTheMarketEndpoints() {
        JsonNode paths = api.get("/docs-json").json().get("paths");
        for (String path : new String[] {
            "/api/crypto/list/{page}/{pageSize}/{order}/{orderBy}",
            "/api/crypto/get/{uuid}",
            "/api/crypto/market-stats",
            "/api/crypto/history/{uuid}",
            "/api/crypto/favorites/{id}",
            "/api/crypto/favorite/{id}",
            "/api/crypto/list-favorites/{page}/{pageSize}/{order}/{orderBy}"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/crypto/market-stats")
                        .get("get")
                        .get("responses")
                        .has("503"))
                .isTrue();
        assertThat(paths.get("/api/crypto/get/{uuid}")
                        .get("get")
                        .get("responses")
                        .has("404"))
                .isTrue();
        assertThat(paths.get("/api/crypto/favorites/{id}").get("patch").has("security"))
                .isTrue();
    }

    private JsonNode list(String rest) {
        Api.Reply reply = api.get("/api/crypto/list" + rest);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("rows").forEach(row -> names.add(row.get("name").asString()));
        return names;
    }

    private static JsonNode rowOf(JsonNode page, String uuid) {
        for (JsonNode row : page.get("rows")) {
            if (row.get("uuid").asString().equals(uuid)) {
                return row;
            }
        }
        throw new AssertionError(uuid + " is not in " + page);
    }

    private static List<Double> prices(Api.Reply history) {
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<Double> prices = new ArrayList<>();
        history.json()
                .get("points")
                .forEach(point -> prices.add(point.get("price").asDouble()));
        return prices;
    }

    /**
     * A coin of this test: its uuid carries the marker and its name ends with it, its symbol gets four random letters
     * of its own (symbols sharing a long suffix would be near each other for the typo search); returns the uuid.
     */
    private String coin(
            String symbol,
            String name,
            int rank,
            String volume,
            String marketCap,
            double price,
            Double change,
            int likes) {
        String uuid = "T" + symbol + marker;
        String uniqueSymbol = symbol + randomLetters(4).toUpperCase(Locale.ROOT);
        system.database()
                .sql("""
                        insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price,
                                                      btc_price, change, coinranking_url, sparkline, rank, tier, likes)
                        values (:id, :uuid, :symbol, :name, 'https://cdn.coinranking.com/x.svg', :volume, :marketCap,
                                :price, 1, :change, :url, cast(:sparkline as varchar[]), :rank, 1, :likes)""")
                .param("id", UUID.randomUUID())
                .param("uuid", uuid)
                .param("symbol", uniqueSymbol)
                .param("name", name + " " + marker)
                .param("volume", new BigDecimal(volume))
                .param("marketCap", new BigDecimal(marketCap))
                .param("price", price)
                .param("change", change)
                .param("url", "https://coinranking.com/coin/" + uuid)
                .param("sparkline", new String[] {"1.5", null, "2.5"})
                .param("rank", rank)
                .param("likes", likes)
                .update();
        return uuid;
    }

    private String symbolOf(String uuid) {
        return system.database()
                .sql("select symbol from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query(String.class)
                .single();
    }

    private void point(String uuid, Instant at, double price) {
        system.database()
                .sql("insert into price_history (coin_uuid, at, price, market_cap) values (?, ?, ?, 777)")
                .params(uuid, Timestamp.from(at), price)
                .update();
    }

    /** What the crypto-rates-service sends after a sync: the real envelope, on its topic, with its key. */
    private static synchronized void publishMarketSynced() throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        EventEnvelope envelope = EventEnvelope.of(new MarketSynced(3, 1, 0, false), Clock.systemUTC());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.MARKET, MarketSynced.KEY, EVENTS.write(envelope));
        record.headers().add("event-type", envelope.type().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** Lower-case letters only, so it is one word in names and uuids and searchable as is. */
    private static String marker() {
        return "zq" + randomLetters(8);
    }

    private static String randomLetters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
