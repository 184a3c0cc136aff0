import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = signIn(http, api);
        java.time.Instant started = java.time.Instant.now();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();
        long run = System.nanoTime();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var workers = Executors.newVirtualThreadPerTaskExecutor();
        AtomicInteger sent = new AtomicInteger();
        int total = rate * seconds;
        scheduler.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n <= total) {
                workers.submit(() -> createAndRead(http, api, token, run + "-" + n, latencies, errors, notFound));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        scheduler.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT %.1f %.1f %.1f %d %d %d%s%n", percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), errors.get(), notFound.get(), sorted.size(),
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

    private static void createAndRead(HttpClient http, String api, String token, String id,
                                      ConcurrentLinkedQueue<Double> latencies, AtomicInteger errors,
                                      AtomicInteger notFound) {
        long started = System.nanoTime();
        try {
            String body = """
                    {"title":"Visible %s","preview":"A post of the create-to-visible benchmark.",
                     "content":["Measured from the create call to the first 200 by its slug."],"searchTags":["bench"]}
                    """.formatted(id);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api + "/api/posts/create"))
                    .header("Content-Type", "application/json").header("x-access-token", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher slug = SLUG.matcher(created.body());
            if (created.statusCode() != 201 || !slug.find()) {
                errors.incrementAndGet();
                return;
            }
            HttpRequest read = HttpRequest.newBuilder(URI.create(api + "/api/posts/get/" + slug.group(1))).build();
            for (int attempt = 0; attempt < 1000; attempt++) {
                int status = http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode();
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

    private static String signIn(HttpClient http, String api) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/user/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"john.doe@gmail.com\",\"password\":\"12qw!@QW\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
