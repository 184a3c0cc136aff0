package io.cryptotalks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml, checked statically (no Docker engine runs here): each check passes on the real file, and each
 * fails on a copy with one deliberate mistake.
 */
class ComposeFileTests {

    /** The web app, and the observability profile's UIs (on the loopback address: ObservabilityTests). */
    static final Set<String> MAY_PUBLISH = Set.of("web", "api-gateway", "prometheus", "grafana", "jaeger");

    private final Path root = Repository.root();
    private ComposeChecks real;

    @BeforeEach
    void setUp() {
        real = checks(root);
    }

    private ComposeChecks checks(Path dir) {
        return new ComposeChecks(
                root, dir.resolve("docker-compose.yml"), dir.resolve(".env.development.example"), MAY_PUBLISH);
    }

    /** The compose file, the env example and the Dockerfiles in a temporary folder, to be mutated. */
    private ComposeChecks copy(Path dir) {
        for (String file :
                new String[] {"docker-compose.yml", ".env.development.example", "Dockerfile", "frontend/Dockerfile"}) {
            Repository.write(dir.resolve(file), Repository.read(root.resolve(file)));
        }
        Repository.copyTree(root.resolve("deploy/observability"), dir.resolve("deploy/observability"));
        return checks(dir);
    }

    @Test
    void theFileHasTheWholeSystem() {
        Map<String, Map<String, Object>> services = real.services();

        assertThat(services).containsKeys("postgres", "kafka", "mongo", "minio", "minio-init", "web");
        assertThat(new ModuleVariables(root).services())
                .allSatisfy(service -> assertThat(services).containsKey(service));
        assertThat(String.valueOf(services.get("postgres").get("image"))).startsWith("postgres:17");
        assertThat(String.valueOf(services.get("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(services.get("kafka").get("environment")))
                .contains("KAFKA_PROCESS_ROLES=broker,controller");
        assertThat(String.valueOf(services.get("minio-init").get("image"))).contains("minio/mc:");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        assertThat(real.healthChecks()).isEmpty();
    }

    @Test
    void aServiceWithoutHealthcheckFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(dir.resolve("docker-compose.yml"), """
                    healthcheck:
                      # ping needs no authentication
                      test: ["CMD", "mongosh", "--quiet", "--eval", "db.runCommand({ping: 1})"]
                      interval: 5s
                      timeout: 5s
                      retries: 20
                """, "");

        assertThat(checks.healthChecks()).contains("mongo: a long-running service without a healthcheck");
        assertThat(checks.dependencies())
                .anyMatch(p -> p.contains("waits for mongo to be healthy, but mongo has no healthcheck"));
    }

    @Test
    void everyDependencyWaitsOnACondition() {
        assertThat(real.dependencies()).isEmpty();
    }

    @Test
    void aDependencyThatOnlyWaitsForTheStartFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "minio: { condition: service_healthy }",
                "minio: { condition: service_started }");

        assertThat(checks.dependencies())
                .containsExactly(
                        "minio-init: depends on minio with condition service_started (use service_healthy, or service_completed_successfully for an init job)");
    }

    @Test
    void everyBuildContextAndDockerfileExistsAndImagesArePinned() {
        assertThat(real.builds()).isEmpty();
    }

    @Test
    void aMissingBuildContextOrAnUnpinnedImageFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "build: { context: ./frontend, dockerfile: Dockerfile }",
                "build: { context: ./web-app, dockerfile: Dockerfile }");
        Repository.replaceOnce(dir.resolve("docker-compose.yml"), "image: mongo:7", "image: mongo");

        assertThat(checks.builds())
                .containsExactlyInAnyOrder(
                        "web: build context " + dir.resolve("web-app") + " does not exist",
                        "mongo: image mongo has no pinned tag (or is :latest)");
    }

    @Test
    void onlyTheWebAppPublishesPortsAndEachBackendIsBuiltForItsOwnPort() {
        assertThat(real.ports()).isEmpty();
        assertThat(real.services().get("web").get("ports")).isNotNull();
    }

    @Test
    void aPublishedDatabaseOrAWrongPortFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "    volumes:\n      - postgres-data:",
                "    ports:\n      - \"5432:5432\"\n    volumes:\n      - postgres-data:");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "MODULE: posts-service, PORT: \"3003\"",
                "MODULE: posts-service, PORT: \"8081\"");

        assertThat(checks.ports())
                .containsExactlyInAnyOrder(
                        "postgres: publishes ports [5432:5432]; only " + MAY_PUBLISH + " may",
                        "posts-service: build arg PORT=8081 but the service listens on 3003 (POSTS_SERVICE_PORT)");
    }

    @Test
    void aHealthcheckOffTheManagementPortOrAPublishedManagementPortFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "MANAGEMENT_SERVER_PORT: \"9090\"",
                "MANAGEMENT_SERVER_PORT: \"9191\"");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "args: { MODULE: auth-service, PORT: \"3001\" } }\n",
                "args: { MODULE: auth-service, PORT: \"3001\" } }\n    ports: [\"9191:9191\"]\n");

        assertThat(checks.ports())
                .containsExactlyInAnyOrder(
                        "users-service: its healthcheck does not ask Actuator on port 9191",
                        "auth-service: its healthcheck does not ask Actuator on port 9191",
                        "auth-service: publishes its management port 9191 (Actuator)",
                        "auth-service: publishes ports [9191:9191]; only " + MAY_PUBLISH + " may",
                        "posts-service: its healthcheck does not ask Actuator on port 9191",
                        "crypto-rates-service: its healthcheck does not ask Actuator on port 9191",
                        "api-gateway: its healthcheck does not ask Actuator on port 9191");
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertThat(real.volumes()).isEmpty();
    }

    @Test
    void aBindMountFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(dir.resolve("docker-compose.yml"), "- mongo-data:/data/db", "- ./mongo:/data/db");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "prometheus.yml:/etc/prometheus/prometheus.yml");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "./deploy/observability/grafana/dashboards:",
                "./deploy/observability/grafana/dashboard:");

        String hint = " (use a named volume; only configuration under ./deploy/ is mounted, read-only)";
        assertThat(checks.volumes())
                .containsExactlyInAnyOrder(
                        "mongo: bind mount ./mongo:/data/db" + hint,
                        "prometheus: bind mount ./deploy/observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"
                                + hint,
                        "grafana: mounts ./deploy/observability/grafana/dashboard, which does not exist");
    }

    @Test
    void everyVariableIsDefinedInTheEnvExampleAndNoSecretHasADefault() {
        assertThat(real.interpolation()).isEmpty();
    }

    @Test
    void anUndefinedVariableOrADefaultedSecretFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "AWS_REGION: ${AWS_REGION:?add AWS_REGION to .env (see .env.development.example)}",
                "AWS_REGION: ${AWS_DEFAULT_REGION:?add it}");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "DEMO_DATA: ${DEMO_DATA:?add DEMO_DATA to .env (see .env.development.example)}\n    healthcheck",
                "DEMO_DATA: ${DEMO_DATA}\n    healthcheck");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"),
                "JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET in .env (at least 32 random characters)}",
                "JWT_SECRET: ${JWT_SECRET:-change-me-to-at-least-32-random-bytes-of-text}");

        assertThat(checks.interpolation())
                .containsExactlyInAnyOrder(
                        "${AWS_DEFAULT_REGION} is used but not defined in .env.development.example",
                        "${AWS_DEFAULT_REGION:?…} is required but empty in .env.development.example (copying the example must be enough to start)",
                        "${DEMO_DATA}: if .env lacks it the service gets an empty value instead of its default false (use ${DEMO_DATA:?message})",
                        "${JWT_SECRET:-change-me-to-at-least-32-random-bytes-of-text}: a secret with an inline default (use ${JWT_SECRET} or "
                                + "${JWT_SECRET:?message})");
    }

    @Test
    void aRequiredSecretThatTheExampleLeavesEmptyFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(
                dir.resolve(".env.development.example"),
                "POSTGRES_PASSWORD=postgres-dev-password",
                "POSTGRES_PASSWORD=");

        assertThat(checks.interpolation())
                .isNotEmpty()
                .allMatch(
                        p -> p.equals(
                                "${POSTGRES_PASSWORD:?…} is required but empty in .env.development.example (copying the example must be enough to start)"));
    }

    @Test
    void eachServiceIsGivenTheContainerAddressesAndNothingItDoesNotRead() {
        assertThat(real.containerEnvironment()).isEmpty();
    }

    @Test
    void aServiceLeftOnTheEmbeddedAddressesOrGivenAMisspeltVariableFails(@TempDir Path dir) {
        ComposeChecks checks = copy(dir);
        Repository.replaceOnce(dir.resolve("docker-compose.yml"), "  KAFKA_BOOTSTRAP_SERVERS: kafka:9092\n", "");
        Repository.replaceOnce(
                dir.resolve("docker-compose.yml"), "      MARKET_SYNC_INTERVAL: ${", "      MARKET_SYNC_INTERVALL: ${");

        assertThat(checks.containerEnvironment())
                .contains("crypto-rates-service: sets MARKET_SYNC_INTERVALL, which crypto-rates-service never reads")
                .anyMatch(p -> p.startsWith("api-gateway: KAFKA_BOOTSTRAP_SERVERS is not set"))
                .anyMatch(p -> p.startsWith("users-service: KAFKA_BOOTSTRAP_SERVERS is not set"));
    }
}
