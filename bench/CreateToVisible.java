import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Create → visible-by-slug latency at a steady rate: every 1/RATE s (on a fixed schedule, whatever the responses do,
 * so a slow phase is not hidden by sending less) one post is created through the API as a demo user, and an anonymous
 * reader then asks for it by the slug the create returned, again until it answers 200. The latency runs from sending
 * the create to that 200. A reader's 404 (the gateway not finding a post the create call has returned) is counted.
 * With a JDBC URL (and the PostgreSQL driver on the class path) it also reports how long the posts-service took to
 * apply those creates: from the event's occurred-at in the outbox to its commit recorded in posts_processed_events.
 * Run: java [-cp postgresql.jar] bench/CreateToVisible.java API_URL RATE SECONDS [JDBC_URL]
 * Prints: RESULT p50 p99 max (ms) errors reader-404s posts [applied-p50 applied-p99 (ms)]
 */
public class CreateToVisible {

    private static final Pattern TOKEN = Pattern.compile("\"_at\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = signIn(api);
        java.time.Instant started = java.time.Instant.now();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();
        long run = System.nanoTime();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        // platform threads on HttpURLConnection's keep-alive pool: the load generator shares the cores with the
        // system under test, and the JDK's HttpClient cost it several times the CPU
        var workers = Executors.newFixedThreadPool(64);
        AtomicInteger sent = new AtomicInteger();
        int total = rate * seconds;
        scheduler.scheduleAtFixedRate(
                () -> {
                    int n = sent.incrementAndGet();
                    if (n <= total) {
                        workers.submit(() -> createAndRead(api, token, run + "-" + n, latencies, errors, notFound));
                    }
                },
                0,
                1_000_000 / rate,
                TimeUnit.MICROSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        scheduler.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "RESULT %.1f %.1f %.1f %d %d %d%s%n",
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                errors.get(),
                notFound.get(),
                sorted.size(),
                args.length > 3 ? applied(args[3], started) : "");
    }

    /** The posts-service's apply latency of this run's creates (the worker commits after the API has answered). */
    private static String applied(String jdbcUrl, java.time.Instant since) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                var pending = db.prepareStatement("""
                     select count(*) from outbox o where o.event_type = 'post-created' and o.occurred_at >= ?
                       and not exists (select 1 from posts_processed_events e where e.event_id = o.event_id)""");
                var query = db.prepareStatement("""
                     select percentile_cont(array[0.5, 0.99]) within group
                            (order by extract(epoch from e.processed_at - o.occurred_at) * 1000)
                     from outbox o join posts_processed_events e on e.event_id = o.event_id
                     where o.event_type = 'post-created' and o.occurred_at >= ?""")) {
            pending.setObject(1, since.atOffset(java.time.ZoneOffset.UTC));
            for (int wait = 0; wait < 600; wait++) { // until the last creates of the run are applied, at most 60 s
                try (var rows = pending.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            query.setObject(1, since.atOffset(java.time.ZoneOffset.UTC));
            try (var rows = query.executeQuery()) {
                rows.next();
                Double[] p = (Double[]) rows.getArray(1).getArray();
                return String.format(" %.1f %.1f", p[0], p[1]);
            }
        }
    }

    private static void createAndRead(
            String api,
            String token,
            String id,
            ConcurrentLinkedQueue<Double> latencies,
            AtomicInteger errors,
            AtomicInteger notFound) {
        long started = System.nanoTime();
        try {
            String body = """
                    {"title":"Visible %s","preview":"A post of the create-to-visible benchmark.",
                     "content":["Measured from the create call to the first 200 by its slug."],"searchTags":%s}
                    """.formatted(id, tags());
            Response created = call("POST", api + "/api/posts/create", body, token);
            Matcher slug = SLUG.matcher(created.body());
            if (created.status() != 201 || !slug.find()) {
                errors.incrementAndGet();
                return;
            }
            for (int attempt = 0; attempt < 1000; attempt++) {
                int status = call("GET", api + "/api/posts/get/" + slug.group(1), null, null)
                        .status();
                if (status == 200) {
                    latencies.add((System.nanoTime() - started) / 1e6);
                    return;
                }
                if (status == 404) {
                    notFound.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** 1–4 distinct tags of the seeded 20, as the seeded posts have. */
    private static String tags() {
        List<String> all = new ArrayList<>(List.of(
                "bitcoin",
                "ethereum",
                "defi",
                "nft",
                "mining",
                "trading",
                "wallets",
                "security",
                "layer-2",
                "stablecoins",
                "altcoins",
                "regulation",
                "solana",
                "cardano",
                "polkadot",
                "web3",
                "dao",
                "staking",
                "exchanges",
                "memecoins"));
        Collections.shuffle(all);
        int count = 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(4);
        return all.subList(0, count).stream()
                .map(tag -> "\"" + tag + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String signIn(String api) throws IOException {
        Response response = call(
                "POST",
                api + "/api/user/sign-in",
                "{\"email\":\"john.doe@gmail.com\",\"password\":\"12qw!@QW\"}",
                null);
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("sign-in failed: " + response.status() + " " + response.body());
        }
        return token.group(1);
    }

    record Response(int status, String body) {}

    /** One request on a kept-alive connection (the body is read to its end, so the connection is reused). */
    private static Response call(String method, String url, String json, String token) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        if (token != null) {
            connection.setRequestProperty("x-access-token", "Bearer " + token);
        }
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty()
                ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
