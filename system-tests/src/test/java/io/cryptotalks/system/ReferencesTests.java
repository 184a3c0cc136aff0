package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10 on the running system: cashtags resolve only to existing coins and keep the price they were first
 * written at, a post shows the change since, a coin lists its newest posts; posts and comment pages say which
 * {@code @names} and {@code $SYMBOLS} exist; the {@code @} autocomplete. Coins are seeded straight into PostgreSQL
 * with symbols of their own (as in {@link MarketTests}), so the sync's coins never interfere.
 */
class ReferencesTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void aPostRecordsItsCoinsAtTheirPriceAndShowsTheChangeSince() {
        Users.User author = users.signedIn("cashtags");
        String btc = symbol("B");
        String eth = symbol("E");
        String nope = symbol("N");
        String bitcoin = coin(btc, 5, 100.0);
        coin(btc, 900, 1.0); // shares the symbol, ranked lower
        String ether = coin(eth, 7, 5.0);

        Map<String, Object> body = PostsTests.post("Cashtags $" + btc + " " + System.nanoTime(), "coins");
        body.put("content", List.of("Buying $" + btc + " and $" + nope + ", not for $5 or US$" + eth + "."));
        Api.Reply created = api.post("/api/posts/create", body, author.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        String slug = created.text("slug");

        JsonNode post = read(slug);
        assertThat(post.get("cashtags")).hasSize(1);
        JsonNode cashtag = post.get("cashtags").get(0);
        assertThat(cashtag.get("symbol").asString()).isEqualTo(btc);
        assertThat(cashtag.get("coinUuid").asString())
                .as("the highest-ranked coin")
                .isEqualTo(bitcoin);
        assertThat(cashtag.get("priceAtPost").asDouble()).isEqualTo(100.0);
        assertThat(cashtag.get("price").asDouble()).isEqualTo(100.0);
        assertThat(cashtag.get("changePercent").asDouble()).isEqualTo(0.0);
        assertThat(post.get("references").get("coins").propertyNames()).containsExactly(btc);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recorded(id)).containsExactly(Map.entry(btc, 100.0)));

        price(bitcoin, 112.3);
        JsonNode moved = read(slug).get("cashtags").get(0);
        assertThat(moved.get("price").asDouble()).isEqualTo(112.3);
        assertThat(moved.get("changePercent").asDouble()).isEqualTo(12.3);
        assertThat(moved.get("priceAtPost").asDouble()).isEqualTo(100.0);

        Api.Reply edited = api.patch(
                "/api/posts/update/" + id,
                Map.of("content", List.of("Still $" + btc + ", now $" + eth + " too")),
                author.auth());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode after = read(slug).get("cashtags");
        assertThat(quotes(after))
                .as("read at once: BTC keeps its first price, ETH at the price of the edit")
                .containsExactly(Map.entry(btc, 100.0), Map.entry(eth, 5.0));
        assertThat(after.get(0).get("changePercent").asDouble()).isEqualTo(12.3);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recorded(id)).containsOnly(Map.entry(btc, 100.0), Map.entry(eth, 5.0)));
        assertThat(read(slug).get("cashtags").get(1).get("coinUuid").asString()).isEqualTo(ether);
    }

    @Test
    void aCoinListsItsNewestPostsAndRefusesBadPagesAndUnknownCoins() {
        Users.User author = users.signedIn("coinposts");
        String symbol = symbol("C");
        String coin = coin(symbol, 3, 10.0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body =
                    PostsTests.post("On $" + symbol + " part " + i + " " + System.nanoTime(), "coins");
            Api.Reply created = api.post("/api/posts/create", body, author.auth());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(0, created.text("id"));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids(api.get("/api/crypto/posts/" + coin + "/0/10")))
                        .as("newest first")
                        .isEqualTo(ids));
        Api.Reply second = api.get("/api/crypto/posts/" + coin + "/1/2");
        assertThat(second.json().get("count").asInt()).isEqualTo(3);
        assertThat(ids(second)).containsExactly(ids.get(2));
        JsonNode row =
                api.get("/api/crypto/posts/" + coin + "/0/1").json().get("rows").get(0);
        assertThat(row.get("username").asString()).isEqualTo(author.username());
        assertThat(row.has("slug") && row.has("title") && row.has("commentsCount"))
                .isTrue();
        assertThat(api.get("/api/crypto/posts/" + coin(symbol("Q"), 4, 1.0) + "/0/10")
                        .json()
                        .get("count")
                        .asInt())
                .as("a coin nobody names")
                .isZero();

        assertError(api.get("/api/crypto/posts/no-such-coin-" + System.nanoTime() + "/0/10"), 404, "no-crypto");
        for (String bad : new String[] {"/-1/10", "/0/0", "/0/101", "/x/10", "/0/y", "/99999999999/10"}) {
            assertError(api.get("/api/crypto/posts/" + coin + bad), 400, "bad-request");
        }
    }

    @Test
    void postsAndCommentPagesSayWhichNamesAndSymbolsExist() {
        Users.User author = users.signedIn("refs");
        Users.User mentioned = users.signedIn("Mentioned");
        String symbol = symbol("R");
        String coin = coin(symbol, 2, 1.0);
        String ghost = "ghost" + System.nanoTime();

        Map<String, Object> body = PostsTests.post("References " + System.nanoTime(), "refs");
        body.put("content", List.of("Hi @" + mentioned.username() + ". and @" + ghost + ", see `$" + symbol + "`"));
        Api.Reply created = api.post("/api/posts/create", body, author.auth());
        String id = created.text("id");
        assertThat(api.patch(
                                "/api/posts/comment/" + id,
                                Map.of(
                                        "comment",
                                        "@" + author.username().toUpperCase(Locale.ROOT) + " likes $" + symbol),
                                mentioned.auth())
                        .status())
                .isEqualTo(200);

        JsonNode references = read(created.text("slug")).get("references");
        assertThat(strings(references.get("users")))
                .containsExactlyInAnyOrder(
                        mentioned.username().toLowerCase(Locale.ROOT),
                        author.username().toLowerCase(Locale.ROOT));
        assertThat(references.get("coins").get(symbol).asString()).isEqualTo(coin);

        Api.Reply page = api.get("/api/posts/comments/" + id + "/0/10");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode onComments = page.json().get("references");
        assertThat(strings(onComments.get("users")))
                .containsExactly(author.username().toLowerCase(Locale.ROOT));
        assertThat(onComments.get("coins").get(symbol).asString()).isEqualTo(coin);
    }

    @Test
    void theAutocompleteSuggestsConfirmedUsersByPrefix() {
        String prefix = "sg" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Users.User first = users.signedIn(prefix);
        Users.User second = users.signedIn(prefix.toUpperCase(Locale.ROOT));
        Api.Reply unconfirmed = api.post(
                "/api/user/sign-up",
                SignUpJourneyTests.signUpBody(prefix + "x@example.com", prefix + "x"),
                "X-Forwarded-For",
                Users.newClient());
        assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(201);

        // suggestions read the users-service's rows, where a confirmation lands a moment after the gateway took it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Reply suggested = api.get("/api/user/suggest?prefix=" + prefix.toUpperCase(Locale.ROOT));
            assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            suggested.json().forEach(row -> names.add(row.get("username").asString()));
            assertThat(names).containsExactlyInAnyOrder(first.username(), second.username());
        });
        assertThat(api.get("/api/user/suggest?prefix=a").json().size()).isLessThanOrEqualTo(8);

        assertError(api.get("/api/user/suggest"), 400, "bad-request");
        assertError(api.get("/api/user/suggest?prefix="), 400, "bad-request");
        assertError(api.get("/api/user/suggest?prefix=" + "x".repeat(31)), 400, "bad-request");
    }

    private JsonNode read(String slug) {
        Api.Reply reply = api.get("/api/posts/get/" + slug);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, Double> quotes(JsonNode cashtags) {
        Map<String, Double> quotes = new LinkedHashMap<>();
        cashtags.forEach(row ->
                quotes.put(row.get("symbol").asString(), row.get("priceAtPost").asDouble()));
        return quotes;
    }

    private static List<String> ids(Api.Reply page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("rows").forEach(row -> ids.add(row.get("id").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asString()));
        return strings;
    }

    /** What the posts-service recorded for the post: price at posting by symbol. */
    private Map<String, Double> recorded(String postId) {
        Map<String, Double> rows = new LinkedHashMap<>();
        system.database()
                .sql("select symbol, price_at_post from post_cashtags where post_id = cast(? as uuid) order by symbol")
                .param(postId)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .list()
                .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        return rows;
    }

    /** A symbol of this test only: a letter and seven random capitals. */
    private static String symbol(String first) {
        StringBuilder symbol = new StringBuilder(first);
        for (int i = 0; i < 7; i++) {
            symbol.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return symbol.toString();
    }

    /** A coin with this symbol, rank and price; returns its uuid. */
    private String coin(String symbol, int rank, double price) {
        String uuid = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        system.database()
                .sql("""
                        insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price,
                                                      btc_price, change, coinranking_url, sparkline, rank, tier, likes)
                        values (:id, :uuid, :symbol, :name, 'https://cdn.coinranking.com/x.svg', 1, 1, :price, 1, 0,
                                :url, cast('{}' as varchar[]), :rank, 1, 0)""")
                .param("id", UUID.randomUUID())
                .param("uuid", uuid)
                .param("symbol", symbol)
                .param("name", "Coin " + symbol + " " + uuid)
                .param("price", price)
                .param("url", "https://coinranking.com/coin/" + uuid)
                .param("rank", rank)
                .update();
        return uuid;
    }

    private void price(String uuid, double price) {
        system.database()
                .sql("update cryptocurrencies set price = ?, updated_at = now() where uuid = ?")
                .params(price, uuid)
                .update();
    }
}
