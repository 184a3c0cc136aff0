package io.cryptotalks.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * Kubernetes manifests parsed into fabric8's typed model (an unknown kind or a misspelt field is a problem, not an
 * ignored key) and checked against what the services read. Every problem is one line of the returned list.
 */
final class KubernetesChecks {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final ModuleVariables variables;
    private final SortedMap<String, SortedMap<String, ModuleVariables.Variable>> reads;
    private final String webApp;

    /** @param webApp the name of the web app's Deployment (static files; probed on its own path, not Actuator) */
    KubernetesChecks(ModuleVariables variables, String webApp) {
        this.variables = variables;
        this.reads = variables.byService();
        this.webApp = webApp;
    }

    /** One rendered resource (a map from YAML) as a typed model object. */
    static KubernetesResource parse(Map<String, Object> resource) {
        return SERIALIZATION.unmarshal(new Yaml().dump(resource));
    }

    /** Parses every resource; each must be a known kind and have no field the model does not know. */
    static List<String> typed(List<Map<String, Object>> rendered, List<HasMetadata> into) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : rendered) {
            String id =
                    resource.get("kind") + "/" + Kustomize.metadata(resource).get("name");
            KubernetesResource parsed;
            try {
                parsed = parse(resource);
            } catch (RuntimeException e) {
                problems.add(id + ": does not parse into the Kubernetes model: " + e.getMessage());
                continue;
            }
            if (parsed instanceof GenericKubernetesResource || !(parsed instanceof HasMetadata hasMetadata)) {
                problems.add(id + ": " + resource.get("apiVersion") + " " + resource.get("kind")
                        + " is not a known Kubernetes kind");
                continue;
            }
            unknownFields(parsed, id, problems, 0);
            into.add(hasMetadata);
        }
        return problems;
    }

    /** Fields the model did not know end up in additionalProperties: a typo such as "livenesProbe". */
    private static void unknownFields(Object node, String path, List<String> problems, int depth) {
        if (node == null || depth > 30) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, depth + 1));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet() + " ("
                            + node.getClass().getSimpleName() + ")");
                }
            } else {
                unknownFields(value, path + "." + decapitalize(method.getName().substring(3)), problems, depth + 1);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    List<String> check(List<HasMetadata> resources) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigMap> configMaps = byName(resources, ConfigMap.class);
        Map<String, Secret> secrets = byName(resources, Secret.class);
        Map<String, Deployment> deployments = byName(resources, Deployment.class);
        Map<String, Service> services = byName(resources, Service.class);

        for (String service : reads.keySet()) {
            if (!deployments.containsKey(service)) {
                problems.add(service + ": no Deployment");
            }
        }
        if (!deployments.containsKey(webApp)) {
            problems.add(webApp + ": no Deployment for the web app");
        }
        deployments.values().forEach(d -> problems.addAll(deployment(d, configMaps, secrets)));
        deployments.values().forEach(d -> {
            if (services.values().stream().noneMatch(s -> selects(s, d))) {
                problems.add("Deployment/" + name(d) + ": no Service selects its pods");
            }
        });
        services.values().forEach(s -> problems.addAll(service(s, deployments)));
        byName(resources, Ingress.class).values().forEach(i -> problems.addAll(ingress(i, services)));
        byName(resources, HorizontalPodAutoscaler.class).values().forEach(h -> {
            var target = h.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || !deployments.containsKey(target.getName())) {
                problems.add("HorizontalPodAutoscaler/" + name(h) + ": scales " + target.getKind() + "/"
                        + target.getName() + ", which is not here");
            }
            if (h.getSpec().getMaxReplicas() == null
                    || h.getSpec().getMinReplicas() != null
                            && h.getSpec().getMinReplicas() > h.getSpec().getMaxReplicas()) {
                problems.add("HorizontalPodAutoscaler/" + name(h) + ": minReplicas above maxReplicas");
            }
        });
        Set<String> readByAny = new TreeSet<>();
        reads.values().forEach(v -> readByAny.addAll(v.keySet()));
        configMaps.values().forEach(cm -> {
            for (String key : Optional.ofNullable(cm.getData()).orElse(Map.of()).keySet()) {
                if (!readByAny.contains(key)
                        && !ModuleVariables.RELAXED_BINDING.matcher(key).matches()) {
                    problems.add("ConfigMap/" + name(cm) + ": " + key + " is read by no service (a typo?)");
                }
                if (ModuleVariables.isSecret(key)) {
                    problems.add("ConfigMap/" + name(cm) + ": " + key + " is a secret; it belongs in a Secret");
                }
            }
        });
        return problems;
    }

    /** Where each variable of a container comes from: its value when known, null for a Secret. */
    private record Provided(String value, boolean fromSecret) {}

    private List<String> deployment(
            Deployment deployment, Map<String, ConfigMap> configMaps, Map<String, Secret> secrets) {
        List<String> problems = new ArrayList<>();
        String id = "Deployment/" + name(deployment);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
            problems.add(
                    id
                            + ": enableServiceLinks is not false (a Service named auth-service would inject AUTH_SERVICE_PORT=tcp://…)");
        }
        PodSecurityContext podSecurity = pod.getSecurityContext();
        for (Container container : pod.getContainers()) {
            String cid = id + " container " + container.getName();
            SecurityContext security = container.getSecurityContext();
            boolean nonRoot = security != null && Boolean.TRUE.equals(security.getRunAsNonRoot())
                    || podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            if (!nonRoot) {
                problems.add(cid + ": runAsNonRoot is not set");
            }
            if (container.getImage() == null || !ComposeChecks.hasPinnedTag(container.getImage())) {
                problems.add(cid + ": image " + container.getImage() + " has no tag, or the tag latest");
            }
            problems.addAll(resources(cid, container.getResources()));
            boolean backend = reads.containsKey(container.getName());
            problems.addAll(probe(cid, "liveness", container.getLivenessProbe(), container, backend ? LIVENESS : null));
            problems.addAll(
                    probe(cid, "readiness", container.getReadinessProbe(), container, backend ? READINESS : null));
            if (!backend) {
                continue;
            }
            Map<String, Provided> provided = new LinkedHashMap<>();
            for (EnvFromSource source :
                    Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                if (source.getConfigMapRef() != null) {
                    ConfigMap cm = configMaps.get(source.getConfigMapRef().getName());
                    if (cm == null) {
                        problems.add(cid + ": envFrom ConfigMap "
                                + source.getConfigMapRef().getName() + " does not exist");
                    } else {
                        Optional.ofNullable(cm.getData())
                                .orElse(Map.of())
                                .forEach((k, v) -> provided.put(k, new Provided(v, false)));
                    }
                }
                if (source.getSecretRef() != null) {
                    Secret secret = secrets.get(source.getSecretRef().getName());
                    if (secret == null) {
                        problems.add(cid + ": envFrom Secret "
                                + source.getSecretRef().getName() + " does not exist");
                    } else {
                        secretKeys(secret).forEach(k -> provided.put(k, new Provided(null, true)));
                    }
                }
            }
            for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                if (env.getValueFrom() == null) {
                    provided.put(env.getName(), new Provided(env.getValue() == null ? "" : env.getValue(), false));
                } else if (env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    Secret secret = secrets.get(ref.getName());
                    if (secret == null || !secretKeys(secret).contains(ref.getKey())) {
                        problems.add(cid + ": " + env.getName() + " refers to Secret " + ref.getName() + " key "
                                + ref.getKey() + ", which does not exist");
                    }
                    provided.put(env.getName(), new Provided(null, true));
                } else if (env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    ConfigMap cm = configMaps.get(ref.getName());
                    String value = cm == null || cm.getData() == null
                            ? null
                            : cm.getData().get(ref.getKey());
                    if (value == null) {
                        problems.add(cid + ": " + env.getName() + " refers to ConfigMap " + ref.getName() + " key "
                                + ref.getKey() + ", which does not exist");
                    }
                    provided.put(env.getName(), new Provided(value, false));
                } else {
                    provided.put(env.getName(), new Provided(null, false));
                }
            }
            for (ModuleVariables.Variable variable :
                    reads.get(container.getName()).values()) {
                Provided source = provided.get(variable.name());
                if (source == null) {
                    problems.add(cid + ": " + variable.name() + " (read in " + variable.source()
                            + ") is provided by no ConfigMap, Secret or env entry");
                } else if (ModuleVariables.isSecret(variable.name()) && !source.fromSecret()) {
                    problems.add(cid + ": " + variable.name() + " is a secret but does not come from a Secret");
                }
            }
            ModuleVariables.Variable port = variables.portVariable(container.getName());
            Provided portSource = provided.get(port.name());
            String expected =
                    portSource != null && portSource.value() != null ? portSource.value() : port.defaultValue();
            boolean declared = Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                    .anyMatch(p -> String.valueOf(p.getContainerPort()).equals(expected));
            if (!declared) {
                problems.add(cid + ": the service listens on " + expected + " (" + port.name()
                        + ") but declares no such containerPort");
            }
        }
        return problems;
    }

    private static Set<String> secretKeys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        Optional.ofNullable(secret.getData()).ifPresent(d -> keys.addAll(d.keySet()));
        Optional.ofNullable(secret.getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
        return keys;
    }

    private static List<String> resources(String cid, ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> values = resources == null
                    ? null
                    : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || values.get(resource) == null) {
                    problems.add(cid + ": no " + resource + " " + kind);
                }
            }
        }
        if (problems.isEmpty()) {
            for (String resource : List.of("cpu", "memory")) {
                if (Quantity.getAmountInBytes(resources.getRequests().get(resource))
                                .compareTo(Quantity.getAmountInBytes(
                                        resources.getLimits().get(resource)))
                        > 0) {
                    problems.add(cid + ": the " + resource + " request is above its limit");
                }
            }
        }
        return problems;
    }

    private static List<String> probe(String cid, String kind, Probe probe, Container container, String actuatorPath) {
        if (probe == null || probe.getHttpGet() == null) {
            return List.of(cid + ": no HTTP " + kind + " probe");
        }
        List<String> problems = new ArrayList<>();
        String path = probe.getHttpGet().getPath();
        if (actuatorPath != null && !actuatorPath.equals(path)) {
            problems.add(cid + ": the " + kind + " probe asks " + path + ", not Actuator's " + actuatorPath);
        }
        if (!portDeclared(probe.getHttpGet().getPort(), container.getPorts())) {
            problems.add(cid + ": the " + kind + " probe's port "
                    + probe.getHttpGet().getPort() + " is not a port of the container");
        }
        return problems;
    }

    private static boolean portDeclared(IntOrString port, List<ContainerPort> ports) {
        if (port == null || ports == null) {
            return false;
        }
        return ports.stream()
                .anyMatch(p -> port.getStrVal() != null
                        ? port.getStrVal().equals(p.getName())
                        : Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    private static boolean selects(Service service, Deployment deployment) {
        Map<String, String> selector = service.getSpec().getSelector();
        Map<String, String> labels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }

    private static List<String> service(Service service, Map<String, Deployment> deployments) {
        List<String> problems = new ArrayList<>();
        List<Deployment> selected =
                deployments.values().stream().filter(d -> selects(service, d)).toList();
        if (selected.isEmpty()) {
            problems.add("Service/" + name(service) + ": its selector matches no Deployment's pods");
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            for (Deployment deployment : selected) {
                boolean found = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                        .anyMatch(c -> portDeclared(
                                port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort(),
                                c.getPorts()));
                if (!found) {
                    problems.add("Service/" + name(service) + ": targetPort " + port.getTargetPort() + " is no port of "
                            + name(deployment));
                }
            }
        }
        return problems;
    }

    private static List<String> ingress(Ingress ingress, Map<String, Service> services) {
        List<String> problems = new ArrayList<>();
        for (IngressRule rule :
                Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressServiceBackend backend = path.getBackend().getService();
                Service service = backend == null ? null : services.get(backend.getName());
                if (service == null) {
                    problems.add("Ingress/" + name(ingress) + ": " + path.getPath()
                            + " goes to a Service that does not exist");
                    continue;
                }
                var port = backend.getPort();
                boolean found = service.getSpec().getPorts().stream()
                        .anyMatch(p -> port.getName() != null
                                ? port.getName().equals(p.getName())
                                : Objects.equals(port.getNumber(), p.getPort()));
                if (!found) {
                    problems.add("Ingress/" + name(ingress) + ": " + path.getPath() + " goes to a port that Service/"
                            + name(service) + " lacks");
                }
            }
        }
        return problems;
    }

    static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> resources, Class<T> type) {
        Map<String, T> result = new LinkedHashMap<>();
        resources.stream().filter(type::isInstance).map(type::cast).forEach(r -> result.put(name(r), r));
        return result;
    }

    static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }
}
