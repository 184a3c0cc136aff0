package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose profile's Prometheus configuration and Grafana dashboard against the running services, with a real
 * Prometheus: every job is scraped, and every panel's query returns series. Only Docker's service discovery is
 * replaced (by the services' addresses here), and Grafana's own variables by what they stand for.
 */
class DashboardTests {

    static final Path PROMETHEUS_CONFIG = Path.of("..", "deploy", "observability", "prometheus", "prometheus.yml");
    static final Path DASHBOARD = Path.of("..", "deploy", "observability", "grafana", "dashboards", "cryptotalks.json");
    static final List<String> WORKERS =
            List.of("auth-service", "users-service", "posts-service", "crypto-rates-service");

    /** One query of a panel (a panel may have several). */
    record PanelQuery(String title, String expr) {}

    @Test
    void prometheusScrapesEveryServiceAndEveryPanelOfTheDashboardShowsSeries(@TempDir Path dir) throws Exception {
        Map<String, String> services = RunningSystem.shared().serviceUrls();
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        List<PanelQuery> panels = panels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        Api gateway = new Api(RunningSystem.shared().gatewayUrl());
        Users.User writer = new Users().signedIn("grafana");
        // the dead-letter panel's counter exists once something was dead-lettered
        OperationsTests.deadLetterOneUnreadableRecord("cryptotalks.users");

        try (Prometheus prometheus = Prometheus.start(scraping(services), dir)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        // traffic within every rate window: requests, outbox rows published, events applied
                        assertThat(gateway.post(
                                                "/api/posts/create",
                                                PostsTests.post("Grafana " + System.nanoTime(), "ops"),
                                                writer.auth())
                                        .status())
                                .isEqualTo(201);
                        for (String job : services.keySet()) {
                            assertThat(prometheus.query("up{job=\"" + job + "\", service=\"" + job + "\"} == 1"))
                                    .as(job + " is scraped and labelled with its name; the targets:"
                                            + prometheus.targets())
                                    .hasSize(1);
                        }
                        assertThat(labels(prometheus.query(grafana(variableQuery(dashboard))), "application"))
                                .as("the dashboard's service variable offers every service")
                                .containsExactlyInAnyOrderElementsOf(services.keySet());
                        for (PanelQuery panel : panels) {
                            assertThat(prometheus.query(grafana(panel.expr())))
                                    .as(panel.title() + ": " + panel.expr())
                                    .isNotEmpty();
                        }
                        assertThat(labels(prometheus.query(grafana(expr(panels, "Kafka consumer lag"))), "group"))
                                .as("the lag panel shows every worker's group")
                                .containsAll(WORKERS);
                        assertThat(labels(prometheus.query(grafana(expr(panels, "Outbox backlog"))), "application"))
                                .as("the outbox backlog panel shows the gateway")
                                .contains("api-gateway");
                    });
        }
    }

    /** The compose profile's configuration with each job's Docker DNS discovery replaced by the service's address. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scraping(Map<String, String> services) throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(PROMETHEUS_CONFIG));
        config.put("global", Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).extracting(job -> job.get("job_name")).containsExactlyInAnyOrderElementsOf(services.keySet());
        for (Map<String, Object> job : jobs) {
            assertThat(job.remove("dns_sd_configs"))
                    .as("a job discovers its service's replicas")
                    .isNotNull();
            URI service = URI.create(services.get((String) job.get("job_name")));
            job.put("scrape_interval", "1s");
            job.put("scrape_timeout", "1s");
            job.put("static_configs", List.of(Map.of("targets", List.of(service.getHost() + ":" + service.getPort()))));
        }
        return config;
    }

    private static List<PanelQuery> panels(JsonNode dashboard) {
        List<PanelQuery> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                panels.add(new PanelQuery(
                        panel.path("title").asString(), target.path("expr").asString()));
            }
        }
        return panels;
    }

    /** The service variable's {@code label_values} query, as the PromQL Grafana runs for it. */
    private static String variableQuery(JsonNode dashboard) {
        String query = dashboard
                .path("templating")
                .path("list")
                .get(0)
                .path("query")
                .path("query")
                .asString();
        assertThat(query).isEqualTo("label_values(jvm_memory_used_bytes, application)");
        return "group by (application) (jvm_memory_used_bytes)";
    }

    private static String expr(List<PanelQuery> panels, String titleStart) {
        return panels.stream()
                .filter(panel -> panel.title().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + titleStart))
                .expr();
    }

    /** Grafana's variables, as the dashboard opens: every service, and a rate window of a few scrapes. */
    private static String grafana(String expr) {
        return expr.replace("$service", ".+").replace("$__rate_interval", "20s");
    }

    private static List<String> labels(JsonNode result, String label) {
        List<String> values = new ArrayList<>();
        result.forEach(series -> values.add(series.path("metric").path(label).asString()));
        return values;
    }
}
