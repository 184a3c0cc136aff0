package io.cryptotalks.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (the binary {@code PROMETHEUS_BIN} names; {@code ./cryptotalks test} fetches one when it is
 * unset) with the caller's configuration, on a free port, and its query API.
 */
final class Prometheus implements AutoCloseable {

    private final Process process;
    private final Api api;

    private Prometheus(Process process, Api api) {
        this.process = process;
        this.api = api;
    }

    static Prometheus start(Map<String, Object> configuration, Path dir) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, new Yaml().dump(configuration));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        binary(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        Api api = new Api("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions() // refused until it listens
                .until(() -> !process.isAlive() || api.get("/-/ready").status() == 200);
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "Prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
        }
        return new Prometheus(process, api);
    }

    private static String binary() {
        String configured = System.getenv("PROMETHEUS_BIN");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("no Prometheus: set PROMETHEUS_BIN to a Prometheus 2.43+ binary, or run"
                    + " ./cryptotalks test, which fetches one");
        }
        return configured;
    }

    /** An instant query's result: one entry per series. */
    JsonNode query(String promql) {
        JsonNode answer = api.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .json();
        if (!"success".equals(answer.path("status").asString())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    /** Each target's job, health and last scrape error, for a failure's message. */
    String targets() {
        StringBuilder targets = new StringBuilder();
        for (JsonNode target : api.get("/api/v1/targets").json().path("data").path("activeTargets")) {
            targets.append(String.format(
                    "%n  %s %s %s %s",
                    target.path("labels").path("job").asString(),
                    target.path("scrapeUrl").asString(),
                    target.path("health").asString(),
                    target.path("lastError").asString()));
        }
        return targets.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
