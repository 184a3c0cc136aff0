package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.devstack.DevStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What an operator calls on a worker's own port. */
class OperationsTests {

    /** The metric names the Grafana dashboard may use; deploy-tests checks the dashboard against the same list. */
    static final Path DASHBOARD_METRICS = Path.of("..", "deploy", "observability", "metrics.txt");

    private final Api users = new Api(RunningSystem.shared().usersServiceUrl());

    @Test
    void aWorkerReportsItsHealthAndReDrivesItsDeadLettersOnDemand() {
        assertThat(users.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(users.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(users.get("/actuator/health").json().get("components").has("mongoPing"))
                .isTrue();

        Api.Reply redriven = users.post("/actuator/deadletters", "{}");

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("cryptotalks.users").isInt()).isTrue();
    }

    @Test
    void aWorkerReportsItsConsumerLagAndDeadLettersAndTheGatewayItsOutboxBacklog() {
        Api.Reply worker = users.get("/actuator/backlog");
        Api.Reply gateway = new Api(RunningSystem.shared().gatewayUrl()).get("/actuator/backlog");

        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.json().get("consumerLag").asLong()).isNotNegative();
        assertThat(worker.json().get("deadLetters").asLong()).isNotNegative();
        assertThat(worker.json().get("topics").has("cryptotalks.users")).isTrue();
        assertThat(worker.json().has("outbox")).as("a worker has no outbox").isFalse();
        assertThat(gateway.status()).isEqualTo(200);
        assertThat(gateway.json().get("outbox").asLong()).isNotNegative();
    }

    @Test
    void everyServiceServesItsMetricsToPrometheusWithTheNamedSeries() {
        Api gateway = new Api(RunningSystem.shared().gatewayUrl());
        Users.User writer = new Users().signedIn("metrics");
        Api.Reply created = gateway.post(
                "/api/posts/create", PostsTests.post("Metrics " + System.nanoTime(), "ops"), writer.auth());
        assertThat(created.status()).isEqualTo(201);

        // the users-service applies the sign-up and the post's events: its counters and event ages exist once it has
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(users.get("/actuator/prometheus").body())
                                .contains("cryptotalks_events_applied_total{application=\"users-service\"")
                                .contains("cryptotalks_event_age_seconds_bucket{")
                                .contains("kafka_consumer_fetch_manager_records_lag{")
                                .contains("hikaricp_connections_active{")
                                .contains("jvm_memory_used_bytes{"));
        Api.Reply scraped = gateway.get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/posts/create\"")
                .contains("cryptotalks_outbox_backlog{application=\"api-gateway\"")
                .contains("cryptotalks_outbox_publish_latency_seconds_bucket{");
    }

    @Test
    void everyMetricTheDashboardMayUseIsOnALiveScrape() throws Exception {
        List<String> names = Files.readAllLines(DASHBOARD_METRICS).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(10);
        Api gateway = new Api(RunningSystem.shared().gatewayUrl());
        Users.User writer = new Users().signedIn("dashboard");
        assertThat(gateway.post(
                                "/api/posts/create",
                                PostsTests.post("Dashboard " + System.nanoTime(), "ops"),
                                writer.auth())
                        .status())
                .isEqualTo(201);
        // the dead-letter counter exists once something was dead-lettered: a record no worker can read
        deadLetterOneUnreadableRecord("cryptotalks.users");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scraped = gateway.get("/actuator/prometheus").body()
                    + users.get("/actuator/prometheus").body();
            assertThat(names)
                    .allSatisfy(name -> assertThat(Pattern.compile("(?m)^" + name + "[{ ]")
                                    .matcher(scraped)
                                    .find())
                            .as(name + " on a scrape of the gateway and the users-service")
                            .isTrue());
            // the dashboard's lag panel groups by these labels
            assertThat(scraped)
                    .containsPattern("(?m)^cryptotalks_consumer_lag_records\\{(?=[^}]*group=\"users-service\")"
                            + "(?=[^}]*topic=\"cryptotalks\\.users\")(?=[^}]*partition=\"\\d+\")");
        });
    }

    static void deadLetterOneUnreadableRecord(String topic) throws IOException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "operations-tests-" + System.nanoTime(), "not an event"));
            producer.flush();
        }
    }
}
