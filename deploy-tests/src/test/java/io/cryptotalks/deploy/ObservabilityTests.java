package io.cryptotalks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose's observability profile and deploy/observability, checked statically: each check passes on the real
 * files, and each fails on a copy with one deliberate mistake.
 */
class ObservabilityTests {

    static final Set<String> PROFILE_SERVICES = Set.of("prometheus", "grafana", "jaeger");

    /** What the dashboard must show: panel title → what its queries ask for. */
    static final Map<String, List<String>> REQUIRED_PANELS = new LinkedHashMap<>();

    static {
        REQUIRED_PANELS.put("Request rate per endpoint", List.of("rate(http_server_requests_seconds_count", "uri"));
        REQUIRED_PANELS.put(
                "Latency p95 per endpoint",
                List.of("histogram_quantile(0.95", "http_server_requests_seconds_bucket", "uri"));
        REQUIRED_PANELS.put(
                "Latency p99 per endpoint",
                List.of("histogram_quantile(0.99", "http_server_requests_seconds_bucket", "uri"));
        REQUIRED_PANELS.put(
                "Kafka consumer lag per group and partition",
                List.of("cryptotalks_consumer_lag_records", "group", "partition"));
        REQUIRED_PANELS.put("Outbox backlog", List.of("cryptotalks_outbox_backlog"));
        REQUIRED_PANELS.put("Outbox publish latency", List.of("cryptotalks_outbox_publish_latency_seconds_bucket"));
        REQUIRED_PANELS.put("Dead letters", List.of("cryptotalks_events_dead_lettered_total"));
        REQUIRED_PANELS.put("Events applied per type", List.of("cryptotalks_events_applied_total", "type"));
        REQUIRED_PANELS.put(
                "Event age p95 (occurred to applied)",
                List.of("histogram_quantile(0.95", "cryptotalks_event_age_seconds_bucket", "type"));
    }

    private final Path root = Repository.root();

    private ObservabilityChecks checks(Path dir) {
        return new ObservabilityChecks(
                new ComposeChecks(
                        root,
                        dir.resolve("docker-compose.yml"),
                        dir.resolve(".env.development.example"),
                        ComposeFileTests.MAY_PUBLISH),
                dir.resolve("deploy/observability"));
    }

    /** The compose file, the env example and deploy/observability in a temporary folder, to be mutated. */
    private ObservabilityChecks copy(Path dir) {
        for (String file : new String[] {"docker-compose.yml", ".env.development.example"}) {
            Repository.write(dir.resolve(file), Repository.read(root.resolve(file)));
        }
        Repository.copyTree(root.resolve("deploy/observability"), dir.resolve("deploy/observability"));
        return checks(dir);
    }

    private static Path dashboard(Path dir) {
        return dir.resolve("deploy/observability/grafana/dashboards/cryptotalks.json");
    }

    private static Set<String> metricList(Path dir) {
        return ObservabilityChecks.metricList(dir.resolve("deploy/observability/metrics.txt"));
    }

    @Test
    void theProfilesServicesStartOnlyWithTheProfileFromPinnedImagesOnTheLoopbackAddress() {
        assertThat(checks(root).profile(PROFILE_SERVICES)).isEmpty();
    }

    @Test
    void aProfileServiceOutsideTheProfileOrUnpinnedOrPublishedToAllFails(@TempDir Path dir) {
        ObservabilityChecks checks = copy(dir);
        Path compose = dir.resolve("docker-compose.yml");
        Repository.replaceOnce(
                compose,
                "image: cr.jaegertracing.io/jaegertracing/jaeger:2.15.0\n    profiles: [observability]\n",
                "image: cr.jaegertracing.io/jaegertracing/jaeger:latest\n");
        Repository.replaceOnce(compose, "\"127.0.0.1:3100:3000\"", "\"3100:3000\"");
        Repository.replaceOnce(
                compose,
                "  web:\n    restart: unless-stopped\n",
                "  web:\n    restart: unless-stopped\n    profiles: [observability]\n");

        assertThat(checks.profile(PROFILE_SERVICES))
                .containsExactlyInAnyOrder(
                        "jaeger: profiles null, expected [observability]",
                        "jaeger: not an image with a pinned tag: cr.jaegertracing.io/jaegertracing/jaeger:latest",
                        "grafana: publishes 3100:3000 beyond the loopback address",
                        "web: under profiles [observability] (only " + PROFILE_SERVICES + " are)");
    }

    @Test
    void aServiceThatWaitsForTheProfileFails(@TempDir Path dir) {
        ObservabilityChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "      api-gateway: { condition: service_healthy }\n",
                "      api-gateway: { condition: service_healthy }\n      jaeger: { condition: service_healthy }\n");

        assertThat(checks.profile(PROFILE_SERVICES))
                .containsExactly("web: waits for jaeger, which starts only with --profile observability");
    }

    @Test
    void prometheusScrapesEverySpringServiceOnItsManagementPortAndPath() {
        ObservabilityChecks checks = checks(root);

        assertThat(checks.scrapeJobs()).isEmpty();
        assertThat(new ModuleVariables(root).services())
                .as("a job for every service module of the repository")
                .allSatisfy(service -> assertThat(
                                Repository.read(root.resolve("deploy/observability/prometheus/prometheus.yml")))
                        .contains("job_name: " + service));
    }

    @Test
    void aServiceWithoutAScrapeJobOrAJobOnTheWrongPortOrPathFails(@TempDir Path dir) {
        ObservabilityChecks checks = copy(dir);
        Path prometheus = dir.resolve("deploy/observability/prometheus/prometheus.yml");
        String config = Repository.read(prometheus);
        // a service added to compose later, with no job of its own: the posts-service's job removed stands for it
        int posts = config.indexOf("  - job_name: posts-service\n");
        int next = config.indexOf("  - job_name:", posts + 1);
        Repository.write(prometheus, config.substring(0, posts) + config.substring(next));
        Repository.replaceOnce(
                prometheus,
                "names: [auth-service]\n        type: A\n        port: 9090",
                "names: [auth-service]\n        type: A\n        port: 3001");
        Repository.replaceOnce(
                prometheus,
                "  - job_name: users-service\n    scrape_interval: 10s\n    metrics_path: /actuator/prometheus",
                "  - job_name: users-service\n    scrape_interval: 1m\n    metrics_path: /metrics");
        Repository.replaceOnce(prometheus, "replacement: api-gateway", "replacement: gateway");

        assertThat(checks.scrapeJobs())
                .containsExactlyInAnyOrder(
                        "posts-service: no scrape job for posts-service:9090",
                        "auth-service: no scrape job for auth-service:9090",
                        "scrape target auth-service:3001 is not a Spring service's management port in the compose file",
                        "job users-service: metrics_path /metrics, not /actuator/prometheus",
                        "job users-service: scrape interval 1m, not 10s",
                        "job api-gateway: its series are not labelled service=api-gateway");
    }

    @Test
    void aSpringServiceWithoutAManagementPortFails(@TempDir Path dir) {
        ObservabilityChecks checks = copy(dir);
        Repository.replaceOnce(dir.resolve("docker-compose.yml"), "  MANAGEMENT_SERVER_PORT: \"9090\"\n", "");

        assertThat(checks.scrapeJobs())
                .contains("users-service: no MANAGEMENT_SERVER_PORT, so Prometheus would scrape its public port");
    }

    @Test
    void theDashboardParsesHasTheRequiredPanelsAndAsksOnlyForListedMetrics() {
        ObservabilityChecks checks = checks(root);

        assertThat(checks.datasourceUids()).containsExactly("prometheus");
        assertThat(metricList(root)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(checks.dashboard(dashboard(root), metricList(root), REQUIRED_PANELS))
                .isEmpty();
    }

    @Test
    void anUnlistedMetricAMissingPanelAnUnknownDatasourceOrBrokenJsonFails(@TempDir Path dir) {
        ObservabilityChecks checks = copy(dir);
        Repository.replaceOnce(
                dashboard(dir), "rate(cryptotalks_events_applied_total{", "rate(cryptotalks_events_handled_total{");
        Repository.replaceOnce(dashboard(dir), "\"title\": \"Dead letters\"", "\"title\": \"Dead-letter topics\"");
        Repository.replaceOnce(
                dashboard(dir),
                "\"query\": \"label_values(jvm_memory_used_bytes, application)\"",
                "\"query\": \"label_values(jvm_memory_usage_bytes, application)\"");
        Repository.replaceOnce(
                dir.resolve("deploy/observability/grafana/provisioning/datasources/prometheus.yml"),
                "uid: prometheus",
                "uid: prom");

        List<String> problems = checks.dashboard(dashboard(dir), metricList(dir), REQUIRED_PANELS);

        assertThat(problems)
                .contains(
                        "panel 'Events applied per type': metric cryptotalks_events_handled_total is not on the list of metrics.txt",
                        "panel 'Events applied per type' does not ask for cryptotalks_events_applied_total",
                        "no panel 'Dead letters'",
                        "variable service: metric jvm_memory_usage_bytes is not on the list of metrics.txt",
                        "panel 'Outbox backlog': datasource uid 'prometheus' is not a provisioned datasource [prom]")
                .noneMatch(p -> p.contains("metric application") || p.contains("metric uri"));

        Repository.write(dashboard(dir), "{\"panels\": [");
        assertThat(checks.dashboard(dashboard(dir), metricList(dir), REQUIRED_PANELS))
                .singleElement()
                .asString()
                .startsWith("cryptotalks.json: not JSON");
    }

    @Test
    void promQlMetricNamesAreFoundAndLabelsFunctionsAndVariablesAreNot() {
        assertThat(PromQl.metricNames(
                        "histogram_quantile(0.95, sum by (application, uri, le) (rate(http_server_requests_seconds_bucket"
                                + "{application=~\"$service\", uri!=\"/x{y}\"}[$__rate_interval]))) / on (application) "
                                + "group_left sum without (le) (up offset 5m) > bool 1e3"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up");
        assertThat(PromQl.variableMetricNames("label_values(jvm_memory_used_bytes, application)"))
                .containsExactly("jvm_memory_used_bytes");
        assertThat(PromQl.variableMetricNames("label_values(application)")).isEmpty();
    }

    @Test
    void grafanaTakesItsAdminPasswordFromTheEnvironmentAndLetsAnonymousVisitorsOnlyView() {
        Map<String, Object> grafana = new ComposeChecks(
                        root,
                        root.resolve("docker-compose.yml"),
                        root.resolve(".env.development.example"),
                        ComposeFileTests.MAY_PUBLISH)
                .services()
                .get("grafana");
        Map<String, Object> environment = ComposeChecks.environment(grafana);

        assertThat(String.valueOf(environment.get("GF_SECURITY_ADMIN_PASSWORD")))
                .startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(environment)
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        assertThat(Repository.read(root.resolve("README.md")))
                .contains(
                        "OTLP_TRACING_ENDPOINT=http://jaeger:4318/v1/traces docker compose --profile observability up");
    }
}
