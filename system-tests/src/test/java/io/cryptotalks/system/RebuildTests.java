package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.rebuild.Rebuild;
import io.cryptotalks.common.rebuild.RebuildMain;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, rebuild from the log: a worker is stopped while the gateway keeps serving, its declared scope emptied and
 * its consumer group moved to the earliest offsets (common's {@code rebuild.Rebuild}, what {@code ./cryptotalks
 * rebuild} runs), then started again; once its lag is 0 its tables equal, row for row, what they were before, and
 * nothing it caused happened twice (action logs, email).
 */
class RebuildTests {

    /** Every table the posts-service's handlers write (posts-service/src/main/resources/rebuild/posts-service.sql). */
    private static final List<String> POSTS_TABLES = List.of(
            "posts", "comments", "post_ratings", "comment_ratings", "post_tags", "post_cashtags", "post_authors");

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void thePostsTablesRebuiltFromTheLogEqualThemBefore() {
        Users.User author = users.signedIn("rebuilder");
        Users.User reader = users.signedIn("rereader");
        String symbol = "RB" + letters(6);
        String coin = coin(symbol, 3.5);

        Map<String, Object> first = PostsTests.post("Rebuilt " + System.nanoTime(), "rebuild", "replay");
        first.put("content", List.of("On $" + symbol + " and the log.", "Second paragraph."));
        String firstId = created(api.post("/api/posts/create", first, author.auth()));
        String secondId = created(api.post(
                "/api/posts/create", PostsTests.post("Replayed " + System.nanoTime(), "replay"), author.auth()));
        String goneId = created(
                api.post("/api/posts/create", PostsTests.post("Gone " + System.nanoTime(), "gone"), reader.auth()));
        assertThat(api.patch(
                                "/api/posts/update/" + secondId,
                                Map.of("title", "Edited " + System.nanoTime(), "searchTags", List.of("edited")),
                                author.auth())
                        .status())
                .isEqualTo(200);
        String comment = commented(firstId, reader, "A comment that survives.");
        commented(firstId, author, "An answer.");
        commented(goneId, author, "A comment on a post that goes.");
        rate("/api/posts/rate/post/" + firstId, reader, "+");
        rate("/api/posts/rate/post/" + secondId, reader, "-");
        rate("/api/posts/rate/post/" + secondId, reader, "+"); // flipped
        rate("/api/posts/rate/post/" + secondId, author, "+");
        rate("/api/posts/rate/post/" + secondId, author, "+"); // withdrawn
        rate("/api/posts/rate/comment/" + firstId + "/" + comment, author, "+");
        assertThat(api.delete("/api/posts/delete/" + goneId, reader.auth()).status())
                .isEqualTo(200);

        Rebuild rebuild = rebuildOf("posts-service");
        awaitApplied(
                rebuild,
                () -> count(
                                        "select count(*) from posts where id = cast(? as uuid) and comments_count = 2"
                                                + " and rating = 1",
                                        firstId)
                                == 1
                        && count("select count(*) from posts where id = cast(? as uuid)", goneId) == 0);
        assertThat(count(
                        "select count(*) from post_cashtags where post_id = cast(? as uuid) and coin_uuid = ?",
                        firstId,
                        coin))
                .isEqualTo(1);
        Map<String, List<String>> before = snapshot(POSTS_TABLES);
        long actionLogs = actionLogs();
        long mails = users.mailCount(author.email()) + users.mailCount(reader.email());

        Figures figures = rebuilt("posts-service", rebuild);

        assertThat(snapshot(POSTS_TABLES)).as("every posts table, row for row").isEqualTo(before);
        assertThat(figures.caughtUp().reapplied())
                .as("at least this test's 14 events applied again")
                .isGreaterThanOrEqualTo(14);
        assertThat(actionLogs()).as("no action log written twice").isEqualTo(actionLogs);
        assertThat(users.mailCount(author.email()) + users.mailCount(reader.email()))
                .as("no email sent twice")
                .isEqualTo(mails);
        assertThat(api.get("/api/posts/get/" + slugOf(firstId)).status()).isEqualTo(200);
    }

    @Test
    void theFavouritesRebuiltFromTheLogEqualThemBefore() {
        Users.User fan = users.signedIn("refan");
        Users.User other = users.signedIn("refan2");
        String first = coin("RF" + letters(6), 1.0);
        String second = coin("RF" + letters(6), 2.0);
        favourite(fan, first);
        favourite(fan, second);
        favourite(other, first);
        assertThat(api.delete("/api/crypto/favorite/" + second, fan.auth()).status())
                .isEqualTo(200);

        Rebuild rebuild = rebuildOf("crypto-rates-service");
        awaitApplied(
                rebuild,
                () -> likes(first) == 2
                        && likes(second) == 0
                        && count("select count(*) from favorite_coins where coin_uuid = ?", first) == 2);
        List<String> favourites = rows("favorite_coins");
        Map<String, Long> likes = Map.of(first, likes(first), second, likes(second));

        // this time through the command (RebuildMain, what ./cryptotalks rebuild runs), with this system's addresses
        List<String> arguments = new java.util.ArrayList<>(system.infrastructureArguments());
        arguments.add("--logging.level.root=info"); // the command quiets the logs of its JVM; not this one's
        String[] settings = arguments.toArray(String[]::new);
        assertThat(RebuildMain.run("crypto-rates-service", "scope", List.of(), settings))
                .contains("replays cryptotalks.favourites, cryptotalks.users")
                .contains("truncate table favorite_coins;");
        AtomicReference<String> reset = new AtomicReference<>();
        system.restartWorker(
                "crypto-rates-service",
                () -> reset.set(RebuildMain.run("crypto-rates-service", "reset", List.of(), settings)));
        assertThat(reset.get()).containsPattern("reset: \\d+ records to re-read, \\d+ processed events deleted");
        List<String> resume = List.of(reset.get()
                .lines()
                .filter(line -> line.startsWith("resume: "))
                .findFirst()
                .orElseThrow()
                .substring("resume: ".length())
                .split(" "));
        String caughtUp = RebuildMain.run("crypto-rates-service", "await", resume, settings);
        System.out.print("rebuild of crypto-rates-service (the command): " + reset.get() + caughtUp);
        assertThat(caughtUp).containsPattern("caught up: [1-9]\\d* events re-applied, lag 0 after [0-9.]+ s");

        assertThat(rows("favorite_coins")).as("favorite_coins, row for row").isEqualTo(favourites);
        assertThat(Map.of(first, likes(first), second, likes(second))).isEqualTo(likes);
        assertThat(count("""
                        select count(*) from cryptocurrencies c
                        where likes <> (select count(*) from favorite_coins f where f.coin_uuid = c.uuid)"""))
                .as("every coin's likes count its favourites again")
                .isZero();
    }

    private record Figures(Rebuild.Reset reset, Rebuild.CaughtUp caughtUp) {}

    /** The rebuild while the worker is down; the gateway keeps answering meanwhile. */
    private Figures rebuilt(String worker, Rebuild rebuild) {
        AtomicReference<Rebuild.Reset> reset = new AtomicReference<>();
        system.restartWorker(worker, () -> {
            reset.set(rebuild.reset(Duration.ofSeconds(30)));
            assertThat(api.get("/api/posts/list/0/1/desc/createdAt").status())
                    .as("the API answers while the worker is down")
                    .isEqualTo(200);
        });
        Rebuild.CaughtUp caughtUp = rebuild.awaitCaughtUp(reset.get(), Duration.ofMinutes(2));
        System.out.printf(
                "rebuild of %s: %d records re-read, %d processed events deleted, %d events re-applied, lag 0 after %d ms%n",
                worker,
                reset.get().recordsToReread(),
                reset.get().processedDeleted(),
                caughtUp.reapplied(),
                caughtUp.took().toMillis());
        return new Figures(reset.get(), caughtUp);
    }

    private Rebuild rebuildOf(String worker) {
        return RebuildMain.rebuildOf(system.worker(worker).getEnvironment());
    }

    /** Until the worker has applied what {@code applied} checks and everything else on its way (outbox, topics). */
    private void awaitApplied(Rebuild rebuild, java.util.concurrent.Callable<Boolean> applied) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> applied.call()
                        && count("select count(*) from outbox where published_at is null") == 0
                        && rebuild.lag() == 0);
    }

    private Map<String, List<String>> snapshot(List<String> tables) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        tables.forEach(table -> snapshot.put(table, rows(table)));
        return snapshot;
    }

    /** Every row of the table as JSON, in one order. */
    private List<String> rows(String table) {
        return system.database()
                .sql("select to_jsonb(t)::text from " + table + " t order by 1")
                .query(String.class)
                .list();
    }

    private long actionLogs() {
        return system.actionLogs().getCollection("informationlogs").countDocuments();
    }

    private String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.text("id");
    }

    private String commented(String postId, Users.User user, String text) {
        Api.Reply reply = api.patch("/api/posts/comment/" + postId, Map.of("comment", text), user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.text("id");
    }

    private void rate(String path, Users.User user, String rate) {
        Api.Reply reply = api.patch(path, Map.of("rate", rate), user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void favourite(Users.User user, String coin) {
        Api.Reply reply = api.patch("/api/crypto/favorites/" + coin, "", user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String slugOf(String postId) {
        return system.database()
                .sql("select slug from posts where id = cast(? as uuid)")
                .param(postId)
                .query(String.class)
                .single();
    }

    private long likes(String coin) {
        return count("select likes from cryptocurrencies where uuid = ?", coin);
    }

    private long count(String sql, Object... params) {
        return system.database().sql(sql).params(params).query(Long.class).single();
    }

    /** A coin of this test's own (a unique symbol), for a cashtag or a favourite; returns its uuid. */
    private String coin(String symbol, double price) {
        String uuid = "RB" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        system.database()
                .sql("""
                        insert into cryptocurrencies (id, uuid, symbol, name, icon_url, volume_24h, market_cap, price,
                                                      btc_price, change, coinranking_url, sparkline, rank, tier, likes)
                        values (:id, :uuid, :symbol, :name, 'https://cdn.coinranking.com/x.svg', 1, 1, :price, 1, 0,
                                :url, cast('{}' as varchar[]), 1, 1, 0)""")
                .param("id", UUID.randomUUID())
                .param("uuid", uuid)
                .param("symbol", symbol)
                .param("name", "Coin " + symbol)
                .param("price", price)
                .param("url", "https://coinranking.com/coin/" + uuid)
                .update();
        return uuid;
    }

    private static String letters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
