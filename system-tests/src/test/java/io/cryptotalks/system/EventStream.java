package io.cryptotalks.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code text/event-stream} client over a real socket, as a browser's reader would be: it parses the events as they
 * arrive and records when each came, until {@link #close()} drops the connection.
 */
final class EventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Event(String name, String id, String data, Instant received) {

        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean ended;

    private EventStream(HttpRequest request) {
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(this::read);
    }

    static EventStream open(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new EventStream(request.GET().build());
    }

    int status() {
        return response.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .join()
                .statusCode();
    }

    String contentType() {
        return response.join().headers().firstValue("Content-Type").orElse("");
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits for the first event (from now on or already received) that matches. */
    Event await(Duration atMost, Predicate<Event> matching) {
        return Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> events.stream().filter(matching).findFirst().orElse(null), event -> event != null);
    }

    Event await(Duration atMost, String name, Predicate<JsonNode> data) {
        return await(atMost, event -> event.name().equals(name) && data.test(event.json()));
    }

    /** Whether the server ended the response. */
    boolean ended() {
        return ended;
    }

    private void read(HttpResponse<Stream<String>> reply) {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = reply.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, data.toString(), Instant.now()));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException dropped) {
            // closed by close() or the server
        }
        ended = true;
    }

    @Override
    public void close() {
        response.thenAccept(reply -> reply.body().close());
    }
}
