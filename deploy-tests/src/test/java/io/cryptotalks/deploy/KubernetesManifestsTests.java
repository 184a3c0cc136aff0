package io.cryptotalks.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/k8s parsed into fabric8's Kubernetes model and checked; no cluster is needed (nor available here). The base
 * and the dev overlay are rendered with Kustomize's semantics ({@link Kustomize}); where kubectl is installed, its own
 * kustomize must render the same.
 */
class KubernetesManifestsTests {

    private final Path root = Repository.root();
    private final Path k8s = root.resolve("deploy/k8s");
    private final KubernetesChecks checks = new KubernetesChecks(new ModuleVariables(root), "web");

    private List<HasMetadata> typed(List<Map<String, Object>> rendered) {
        List<HasMetadata> resources = new ArrayList<>();
        assertThat(KubernetesChecks.typed(rendered, resources)).isEmpty();
        return resources;
    }

    private List<String> problems(Path kustomization) {
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>(KubernetesChecks.typed(Kustomize.render(kustomization), resources));
        problems.addAll(checks.check(resources));
        return problems;
    }

    @Test
    void everyManifestFileParsesIntoTheModelWithoutUnknownFields() throws Exception {
        List<Path> files = Repository.files(k8s, ".yaml", ".yml");
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        for (Path file : files) {
            if (file.getFileName().toString().startsWith("kustomization.")) {
                continue;
            }
            Object first = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(Files.readString(file))
                    .iterator()
                    .next();
            if (first instanceof List<?>) {
                continue; // a JSON 6902 patch: operations, not a resource (applied and checked by the renders below)
            }
            List<HasMetadata> resources = new ArrayList<>();
            List<Map<String, Object>> kubernetesKinds = Kustomize.loadAll(file).stream()
                    .filter(r -> !isPrometheusOperatorKind(r))
                    .toList();
            problems.addAll(KubernetesChecks.typed(kubernetesKinds, resources).stream()
                    .map(p -> k8s.relativize(file) + ": " + p)
                    .toList());
            parsed += resources.size();
        }
        assertThat(problems).isEmpty();
        assertThat(parsed).isGreaterThanOrEqualTo(15);
    }

    /** The Prometheus Operator's custom resources: no fabric8 model; checked by podMonitorProblems. */
    private static boolean isPrometheusOperatorKind(Map<String, Object> resource) {
        return String.valueOf(resource.get("apiVersion")).startsWith("monitoring.coreos.com/");
    }

    @Test
    void kustomizationsReferOnlyToFilesThatExist() {
        assertThat(Kustomize.references(k8s.resolve("base"))).isEmpty();
        assertThat(Kustomize.references(k8s.resolve("overlays/dev"))).isEmpty();
        assertThat(Kustomize.references(k8s.resolve("monitoring"))).isEmpty();
    }

    /**
     * The optional PodMonitor (deploy/k8s/monitoring) selects the pods of every service and of nothing else, and
     * scrapes the port and path their prometheus.io annotations name: the management port, Actuator's path.
     */
    private List<String> podMonitorProblems(Path monitoring, Path base) {
        List<Map<String, Object>> monitors = Kustomize.render(monitoring);
        if (monitors.size() != 1 || !"PodMonitor".equals(monitors.get(0).get("kind"))) {
            return List.of(monitoring + ": expected exactly one PodMonitor, found " + monitors.size() + " resources");
        }
        Map<String, Object> spec = Kustomize.castMap(monitors.get(0).get("spec"));
        LabelSelector selector = new KubernetesSerialization().convertValue(spec.get("selector"), LabelSelector.class);
        List<?> endpoints = (List<?>) spec.get("podMetricsEndpoints");
        Map<String, Object> endpoint = Kustomize.castMap(endpoints.get(0));
        List<String> services = new ModuleVariables(root).services();
        List<String> problems = new ArrayList<>();
        if (endpoints.size() != 1) {
            problems.add("PodMonitor: " + endpoints.size() + " endpoints, expected one");
        }
        for (Deployment deployment : KubernetesChecks.byName(typed(Kustomize.render(base)), Deployment.class)
                .values()) {
            String name = deployment.getMetadata().getName();
            PodTemplateSpec pod = deployment.getSpec().getTemplate();
            boolean selected = selects(selector, pod.getMetadata().getLabels());
            if (selected != services.contains(name)) {
                problems.add("PodMonitor: " + (selected ? "selects " : "does not select ") + name);
            }
            if (!selected) {
                continue;
            }
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            Integer port = pod.getSpec().getContainers().get(0).getPorts().stream()
                    .filter(p -> endpoint.get("port").equals(p.getName()))
                    .map(ContainerPort::getContainerPort)
                    .findFirst()
                    .orElse(null);
            if (port == null || !String.valueOf(port).equals(annotations.get("prometheus.io/port"))) {
                problems.add("PodMonitor: port " + endpoint.get("port") + " of " + name + " is " + port
                        + ", its annotation says " + annotations.get("prometheus.io/port"));
            }
            if (!endpoint.get("path").equals(annotations.get("prometheus.io/path"))) {
                problems.add("PodMonitor: path " + endpoint.get("path") + ", " + name + "'s annotation says "
                        + annotations.get("prometheus.io/path"));
            }
        }
        return problems;
    }

    @Test
    void theOptionalPodMonitorScrapesEveryServiceWhereTheAnnotationsSay() {
        assertThat(podMonitorProblems(k8s.resolve("monitoring"), k8s.resolve("base")))
                .isEmpty();
        assertThat(Repository.read(k8s.resolve("monitoring/podmonitor.yaml")))
                .contains("path: /actuator/prometheus")
                .contains("interval: 10s");
    }

    @Test
    void aPodMonitorThatMissesAServiceOrAsksAnotherPortFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Path podMonitor = copy.resolve("monitoring/podmonitor.yaml");
        Repository.replaceOnce(podMonitor, "users-service, posts-service", "users-service, web");
        Repository.replaceOnce(podMonitor, "- port: management", "- port: http");

        assertThat(podMonitorProblems(copy.resolve("monitoring"), copy.resolve("base")))
                .containsExactlyInAnyOrder(
                        "PodMonitor: selects web",
                        "PodMonitor: does not select posts-service",
                        "PodMonitor: port http of api-gateway is 3000, its annotation says 9090",
                        "PodMonitor: port http of auth-service is 3001, its annotation says 9090",
                        "PodMonitor: port http of users-service is 3002, its annotation says 9090",
                        "PodMonitor: port http of crypto-rates-service is 3004, its annotation says 9090",
                        "PodMonitor: path /actuator/prometheus, web's annotation says null",
                        "PodMonitor: port http of web is 8080, its annotation says null");
    }

    @Test
    void theBasePassesEveryCheck() {
        assertThat(problems(k8s.resolve("base"))).isEmpty();
    }

    @Test
    void theDevOverlayPassesEveryCheck() {
        assertThat(problems(k8s.resolve("overlays/dev"))).isEmpty();
    }

    @Test
    void theBaseHasAServiceAndDeploymentPerServiceAnIngressAndAnAutoscaledGateway() {
        List<HasMetadata> resources = typed(Kustomize.render(k8s.resolve("base")));
        Map<String, Deployment> deployments = KubernetesChecks.byName(resources, Deployment.class);

        assertThat(deployments.keySet())
                .containsAll(new ModuleVariables(root).services())
                .contains("web");
        HorizontalPodAutoscaler hpa = KubernetesChecks.byName(resources, HorizontalPodAutoscaler.class)
                .values()
                .iterator()
                .next();
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("api-gateway");
        Ingress ingress = KubernetesChecks.byName(resources, Ingress.class)
                .values()
                .iterator()
                .next();
        Map<String, String> routes = new TreeMap<>();
        for (HTTPIngressPath path :
                ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
            routes.put(path.getPath(), path.getBackend().getService().getName());
        }
        assertThat(routes).containsEntry("/api", "api-gateway").containsEntry("/", "web");
    }

    @Test
    void networkPoliciesDenyEveryConnectionButTheWebAppsAndTheGatewaysPortsAndTheMetricsToMonitoring() {
        List<HasMetadata> resources = typed(Kustomize.render(k8s.resolve("overlays/dev")));
        List<NetworkPolicy> policies = KubernetesChecks.byName(resources, NetworkPolicy.class).values().stream()
                .toList();
        Map<String, Set<Integer>> fromAnywhere = new TreeMap<>();
        Map<String, Set<Integer>> fromMonitoring = new TreeMap<>();

        for (Deployment deployment :
                KubernetesChecks.byName(resources, Deployment.class).values()) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), labels))
                    .toList();
            assertThat(selecting)
                    .as(deployment.getMetadata().getName() + " is isolated for ingress")
                    .anyMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress"));
            Set<Integer> anywhere = new TreeSet<>();
            Set<Integer> monitoring = new TreeSet<>();
            for (NetworkPolicy policy : selecting) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    assertThat(rule.getPorts())
                            .as(policy.getMetadata().getName() + " names its ports")
                            .isNotEmpty();
                    boolean open = rule.getFrom() == null || rule.getFrom().isEmpty();
                    if (!open) {
                        assertThat(rule.getFrom())
                                .as(policy.getMetadata().getName() + ": only the monitoring namespace")
                                .allSatisfy(peer -> assertThat(
                                                peer.getNamespaceSelector().getMatchLabels())
                                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring")));
                    }
                    rule.getPorts().stream()
                            .map(NetworkPolicyPort::getPort)
                            .forEach(port -> (open ? anywhere : monitoring).add(port.getIntVal()));
                }
            }
            fromAnywhere.put(deployment.getMetadata().getName(), anywhere);
            fromMonitoring.put(deployment.getMetadata().getName(), monitoring);
        }

        assertThat(fromAnywhere)
                .containsEntry("web", Set.of(8080))
                .containsEntry("api-gateway", Set.of(3000))
                .hasSize(6)
                .allSatisfy((name, ports) -> {
                    if (!name.equals("web") && !name.equals("api-gateway")) {
                        assertThat(ports).as(name + " accepts no connection").isEmpty();
                    }
                });
        assertThat(fromMonitoring)
                .allSatisfy((name, ports) -> assertThat(ports)
                        .as(name + "'s metrics")
                        .isEqualTo(name.equals("web") ? Set.of() : Set.of(9090)));
    }

    /** A pod selector's labels and its "In" expressions (the only kinds the manifests use). */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        boolean byLabels = selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean byExpressions = selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream()
                        .allMatch(e ->
                                e.getOperator().equals("In") && e.getValues().contains(labels.get(e.getKey())));
        return byLabels && byExpressions;
    }

    @Test
    void theDevOverlayHasOneReplicaOfEachDevImagesAndItsOwnNamespace() {
        List<HasMetadata> resources = typed(Kustomize.render(k8s.resolve("overlays/dev")));

        assertThat(resources).allSatisfy(r -> {
            if (!r.getKind().equals("Namespace")) {
                assertThat(r.getMetadata().getNamespace())
                        .as(r.getKind() + "/" + r.getMetadata().getName())
                        .isEqualTo("cryptotalks-dev");
            }
        });
        KubernetesChecks.byName(resources, Deployment.class).values().forEach(d -> {
            assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isIn(null, 1);
            assertThat(d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .endsWith(":dev");
        });
        assertThat(KubernetesChecks.byName(resources, HorizontalPodAutoscaler.class)
                        .get("api-gateway")
                        .getSpec()
                        .getMaxReplicas())
                .isEqualTo(1);
    }

    @Test
    void kubectlKustomizeRendersTheSameAsTheTestsRenderer() throws Exception {
        String kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed here: the Java renderer's result stands alone");
        for (String dir : List.of("base", "overlays/dev", "monitoring")) {
            Process process = new ProcessBuilder(
                            kubectl, "kustomize", k8s.resolve(dir).toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            List<Object> fromKubectl = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output).forEach(fromKubectl::add);

            assertThat(byId(fromKubectl)).as(dir).isEqualTo(byId(new ArrayList<>(Kustomize.render(k8s.resolve(dir)))));
        }
    }

    private static Map<String, Object> byId(List<?> resources) {
        Map<String, Object> byId = new TreeMap<>();
        for (Object resource : resources) {
            Map<String, Object> r = Kustomize.castMap(resource);
            byId.put(
                    r.get("kind") + "/" + Kustomize.metadata(r).get("namespace") + "/"
                            + Kustomize.metadata(r).get("name"),
                    r);
        }
        return byId;
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    // ---- each check can fail: one deliberate mistake in a copy of deploy/k8s ----

    private Path copyOfK8s(Path dir) {
        Path copy = dir.resolve("k8s");
        Repository.copyTree(k8s, copy);
        return copy;
    }

    @Test
    void aContainerWithoutReadinessProbeOrLimitsOrWithALatestImageFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Path users = copy.resolve("base/users-service.yaml");
        Repository.replaceOnce(users, """
                          readinessProbe:
                            httpGet:
                              path: /actuator/health/readiness
                              port: management
                            periodSeconds: 5
                            timeoutSeconds: 3
                            failureThreshold: 3
                """, "");
        Repository.replaceOnce(
                users, "image: cryptotalks/users-service:0.1.0", "image: cryptotalks/users-service:latest");
        Repository.replaceOnce(copy.resolve("base/web.yaml"), """
                            limits:
                              cpu: 250m
                              memory: 128Mi
                """, "");

        assertThat(problems(copy.resolve("base")))
                .containsExactlyInAnyOrder(
                        "Deployment/users-service container users-service: no HTTP readiness probe",
                        "Deployment/users-service container users-service: image cryptotalks/users-service:latest has no tag, or the tag latest",
                        "Deployment/web container web: no cpu limits",
                        "Deployment/web container web: no memory limits");
    }

    @Test
    void aProbeOffActuatorFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Repository.replaceOnce(
                copy.resolve("base/api-gateway.yaml"),
                "          livenessProbe:\n            httpGet:\n              path: /actuator/health/liveness",
                "          livenessProbe:\n            httpGet:\n              path: /health");

        assertThat(problems(copy.resolve("base")))
                .containsExactly(
                        "Deployment/api-gateway container api-gateway: the liveness probe asks /health, not Actuator's /actuator/health/liveness");
    }

    @Test
    void aVariableThatNoManifestProvidesFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Repository.replaceOnce(copy.resolve("base/configmap.yaml"), "  CONFIRMATION_LIFETIME: \"48h\"\n", "");

        assertThat(problems(copy.resolve("base")))
                .containsExactly(
                        "Deployment/users-service container users-service: CONFIRMATION_LIFETIME "
                                + "(read in users-service/src/main/resources/users-service.yml) is provided by no ConfigMap, Secret or env entry");
    }

    @Test
    void aSecretInTheConfigMapOrAMisspeltKeyFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Repository.replaceOnce(
                copy.resolve("base/configmap.yaml"),
                "  MAX_BODY_SIZE: \"1MB\"\n",
                "  MAX_BODY_SIZE: \"1MB\"\n  MAX_BODYSIZE: \"2MB\"\n  TWILIO_AUTH_TOKEN: \"abc\"\n");

        assertThat(problems(copy.resolve("base")))
                .containsExactlyInAnyOrder(
                        "ConfigMap/cryptotalks-config: MAX_BODYSIZE is read by no service (a typo?)",
                        "ConfigMap/cryptotalks-config: TWILIO_AUTH_TOKEN is a secret; it belongs in a Secret");
    }

    @Test
    void aMisspeltFieldOrAPortMismatchFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Repository.replaceOnce(
                copy.resolve("base/posts-service.yaml"), "          startupProbe:", "          startupProbes:");
        Repository.replaceOnce(
                copy.resolve("base/configmap.yaml"), "AUTH_SERVICE_PORT: \"3001\"", "AUTH_SERVICE_PORT: \"8081\"");

        List<String> problems = problems(copy.resolve("base"));

        assertThat(problems)
                .anyMatch(p ->
                        p.startsWith("Deployment/posts-service") && p.contains("unknown field(s) [startupProbes]"));
        assertThat(problems)
                .contains(
                        "Deployment/auth-service container auth-service: the service listens on 8081 (AUTH_SERVICE_PORT) "
                                + "but declares no such containerPort");
    }

    @Test
    void anOverlayPatchThatIsMissingOrMatchesNothingFails(@TempDir Path dir) {
        Path copy = copyOfK8s(dir);
        Repository.replaceOnce(
                copy.resolve("overlays/dev/kustomization.yaml"),
                "- path: patches/hpa.yaml",
                "- path: patches/autoscaler.yaml");

        assertThat(Kustomize.references(copy.resolve("overlays/dev")))
                .containsExactly(copy.resolve("overlays/dev/kustomization.yaml")
                        + ": patch patches/autoscaler.yaml does not exist");

        Repository.replaceOnce(
                copy.resolve("overlays/dev/kustomization.yaml"),
                "- path: patches/autoscaler.yaml",
                "- path: patches/hpa.yaml");
        Repository.replaceOnce(copy.resolve("overlays/dev/patches/hpa.yaml"), "name: api-gateway", "name: gateway");
        assertThatThrownBy(() -> Kustomize.render(copy.resolve("overlays/dev")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patches HorizontalPodAutoscaler/gateway, which is not among the resources");
    }
}
