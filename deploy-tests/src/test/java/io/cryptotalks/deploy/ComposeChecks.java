package io.cryptotalks.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What docker compose would do with docker-compose.yml, checked without a Docker engine: every problem found is one
 * line of the returned list (empty: none).
 */
final class ComposeChecks {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}, … but not the escaped {@code $${NAME}}. */
    static final Pattern INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    private static final Set<String> WAIT_CONDITIONS = Set.of("service_healthy", "service_completed_successfully");

    private final Path root;
    private final Path composeFile;
    private final Path envExample;
    private final Set<String> mayPublish;

    /**
     * @param root       the repository (its modules say which variables each service reads)
     * @param mayPublish the services allowed to publish ports on the host
     */
    ComposeChecks(Path root, Path composeFile, Path envExample, Set<String> mayPublish) {
        this.root = root;
        this.composeFile = composeFile;
        this.envExample = envExample;
        this.mayPublish = mayPublish;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(Repository.read(composeFile));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) load().get("services");
    }

    /** Init jobs: run once and exit (restart "no"), waited for with service_completed_successfully. */
    static boolean isOneShot(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    List<String> healthChecks() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (isOneShot(service)) {
                return;
            }
            Object healthcheck = service.get("healthcheck");
            boolean inCompose = healthcheck instanceof Map<?, ?> hc
                    && hc.get("test") != null
                    && !Boolean.TRUE.equals(hc.get("disable"))
                    && !String.valueOf(hc.get("test")).contains("NONE");
            if (!inCompose && !dockerfileHasHealthcheck(service)) {
                problems.add(name + ": a long-running service without a healthcheck");
            }
        });
        return problems;
    }

    private boolean dockerfileHasHealthcheck(Map<String, Object> service) {
        Path dockerfile = dockerfile(service);
        return dockerfile != null
                && Files.isRegularFile(dockerfile)
                && Pattern.compile("(?m)^HEALTHCHECK\\s+(?!NONE)")
                        .matcher(Repository.read(dockerfile))
                        .find();
    }

    @SuppressWarnings("unchecked")
    List<String> dependencies() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            if (!(dependsOn instanceof Map<?, ?> map)) {
                problems.add(name + ": depends_on is a list; each dependency needs a condition");
                return;
            }
            ((Map<String, Object>) map).forEach((target, spec) -> {
                Object condition = spec instanceof Map<?, ?> s ? s.get("condition") : null;
                if (!services.containsKey(target)) {
                    problems.add(name + ": depends on " + target + ", which is not a service");
                } else if (condition == null || !WAIT_CONDITIONS.contains(condition.toString())) {
                    problems.add(name + ": depends on " + target + " with condition " + condition
                            + " (use service_healthy, or service_completed_successfully for an init job)");
                } else if (condition.equals("service_completed_successfully") && !isOneShot(services.get(target))) {
                    problems.add(name + ": waits for " + target + " to complete, but " + target + " is long-running");
                } else if (condition.equals("service_healthy")
                        && !healthChecksOf(target).isEmpty()) {
                    problems.add(
                            name + ": waits for " + target + " to be healthy, but " + target + " has no healthcheck");
                }
            });
        });
        return problems;
    }

    /** The healthcheck problems of one service (empty: it has one, or it is an init job). */
    private List<String> healthChecksOf(String service) {
        return healthChecks().stream().filter(p -> p.startsWith(service + ":")).toList();
    }

    List<String> builds() {
        List<String> problems = new ArrayList<>();
        List<String> modules = Repository.modules(root);
        services().forEach((name, service) -> {
            Object build = service.get("build");
            if (build == null) {
                Object image = service.get("image");
                if (image == null) {
                    problems.add(name + ": neither build nor image");
                } else if (!hasPinnedTag(image.toString())) {
                    problems.add(name + ": image " + image + " has no pinned tag (or is :latest)");
                }
                return;
            }
            Path context = context(service);
            if (!Files.isDirectory(context)) {
                problems.add(name + ": build context " + context + " does not exist");
                return;
            }
            Path dockerfile = dockerfile(service);
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(name + ": Dockerfile " + dockerfile + " does not exist");
            }
            Object module = buildArgs(service).get("MODULE");
            if (module != null && !modules.contains(module.toString())) {
                problems.add(name + ": build arg MODULE=" + module + " is not a module of the root pom");
            }
        });
        return problems;
    }

    /** A built backend's PORT build arg (its health check port) must be the default of its own port variable. */
    List<String> ports() {
        List<String> problems = new ArrayList<>();
        ModuleVariables variables = new ModuleVariables(root);
        services().forEach((name, service) -> {
            Object module = buildArgs(service).get("MODULE");
            if (module != null) {
                ModuleVariables.Variable port = variables.portVariable(module.toString());
                Object portArg = buildArgs(service).get("PORT");
                Object overridden = environment(service).get(port.name());
                String expected = overridden != null ? overridden.toString() : port.defaultValue();
                if (portArg == null || !portArg.toString().equals(expected)) {
                    problems.add(name + ": build arg PORT=" + portArg + " but the service listens on " + expected + " ("
                            + port.name() + ")");
                }
                // with MANAGEMENT_SERVER_PORT set, Actuator (health included) answers there and not on the service port
                String actuator = managementPort(service).orElse(expected);
                Object healthcheck = service.get("healthcheck");
                if (healthcheck != null && !String.valueOf(healthcheck).contains(":" + actuator + "/actuator/health")) {
                    problems.add(name + ": its healthcheck does not ask Actuator on port " + actuator);
                }
                managementPort(service)
                        .filter(management ->
                                String.valueOf(service.get("ports")).contains(":" + management))
                        .ifPresent(management ->
                                problems.add(name + ": publishes its management port " + management + " (Actuator)"));
            }
            Object published = service.get("ports");
            if (published != null
                    && !(published instanceof List<?> list && list.isEmpty())
                    && !mayPublish.contains(name)) {
                problems.add(name + ": publishes ports " + published + "; only " + mayPublish + " may");
            }
        });
        return problems;
    }

    /**
     * Data in named volumes only (declared at the top level); the one kind of bind mount allowed is configuration
     * from this repository, read-only (the observability profile's Prometheus and Grafana files).
     */
    @SuppressWarnings("unchecked")
    List<String> volumes() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> declared = (Map<String, Object>) load().getOrDefault("volumes", Map.of());
        services().forEach((name, service) -> {
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume instanceof Map<?, ?> longForm
                        ? String.valueOf(longForm.get("source"))
                        : volume.toString().split(":")[0];
                if (isRepositoryConfig(volume, source)) {
                    Path mounted = composeFile.getParent().resolve(source).normalize();
                    if (!Files.exists(mounted)) {
                        problems.add(name + ": mounts " + source + ", which does not exist");
                    }
                } else if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                    problems.add(name + ": bind mount " + volume
                            + " (use a named volume; only configuration under ./deploy/ is mounted, read-only)");
                } else if (declared == null || !declared.containsKey(source)) {
                    problems.add(name + ": volume " + source + " is not declared under the top-level volumes");
                }
            }
        });
        return problems;
    }

    /**
     * Every ${VAR} is defined in the example env file; a secret never has an inline default; a variable that a service
     * reads with a non-empty default is required (:?), because a missing one would reach the service as an empty value,
     * which hides that default; a required variable is not empty in the example.
     */
    List<String> interpolation() {
        List<String> problems = new ArrayList<>();
        Map<String, String> example = EnvFile.parse(envExample);
        Map<String, ModuleVariables.Variable> reads = new ModuleVariables(root).all();
        String text = Repository.read(composeFile).replaceAll("(?m)^\\s*#.*$", "");
        Matcher m = INTERPOLATION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String operator = m.group(2);
            if (!example.containsKey(name)) {
                problems.add("${" + name + "} is used but not defined in " + envExample.getFileName());
            }
            if (ModuleVariables.isSecret(name) && operator != null && !operator.contains("?")) {
                problems.add("${" + name + operator + m.group(3) + "}: a secret with an inline default (use ${" + name
                        + "} or ${" + name + ":?message})");
            }
            if (operator != null
                    && operator.contains("?")
                    && example.getOrDefault(name, "").isEmpty()) {
                problems.add("${" + name + ":?…} is required but empty in " + envExample.getFileName()
                        + " (copying the example must be enough to start)");
            }
            ModuleVariables.Variable read = reads.get(name);
            if (operator == null
                    && read != null
                    && read.defaultValue() != null
                    && !read.defaultValue().isEmpty()) {
                problems.add("${" + name + "}: if .env lacks it the service gets an empty value instead of its default "
                        + read.defaultValue() + " (use ${" + name + ":?message})");
            }
        }
        return problems;
    }

    /**
     * Each built backend is given what it needs inside a container: every variable its module reads whose default
     * points at the embedded stack on 127.0.0.1 is set, and every variable set is one the module reads.
     */
    List<String> containerEnvironment() {
        List<String> problems = new ArrayList<>();
        ModuleVariables variables = new ModuleVariables(root);
        services().forEach((name, service) -> {
            Object module = buildArgs(service).get("MODULE");
            if (module == null) {
                return;
            }
            SortedMap<String, ModuleVariables.Variable> reads = variables.of(module.toString());
            Map<String, Object> environment = environment(service);
            reads.values().forEach(variable -> {
                if (variable.defaultValue() != null
                        && variable.defaultValue().contains("127.0.0.1")
                        && !environment.containsKey(variable.name())) {
                    problems.add(name + ": " + variable.name()
                            + " is not set, so the service would use the embedded stack's " + variable.defaultValue()
                            + " inside its container");
                }
            });
            environment.keySet().forEach(key -> {
                if (!reads.containsKey(key)
                        && !ModuleVariables.RELAXED_BINDING.matcher(key).matches()) {
                    problems.add(name + ": sets " + key + ", which " + module + " never reads");
                }
            });
        });
        return problems;
    }

    /** A read-only mount of a file or folder under the repository's deploy/ (short syntax {@code ./deploy/…:…:ro}). */
    private static boolean isRepositoryConfig(Object volume, String source) {
        return !(volume instanceof Map<?, ?>)
                && source.startsWith("./deploy/")
                && !source.contains("..")
                && volume.toString().endsWith(":ro");
    }

    /** The service's MANAGEMENT_SERVER_PORT, where Actuator answers when it is set. */
    static Optional<String> managementPort(Map<String, Object> service) {
        return Optional.ofNullable(environment(service).get("MANAGEMENT_SERVER_PORT"))
                .map(String::valueOf);
    }

    /** The services built from this repository's modules (build arg MODULE): the Spring services. */
    Map<String, Map<String, Object>> springServices() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (buildArgs(service).get("MODULE") != null) {
                result.put(name, service);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object item : list) {
                String[] pair = item.toString().split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> buildArgs(Map<String, Object> service) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
            return (Map<String, Object>) args;
        }
        return Map.of();
    }

    private Path context(Map<String, Object> service) {
        Object build = service.get("build");
        String context = build instanceof Map<?, ?> map
                ? String.valueOf(map.get("context") == null ? "." : map.get("context"))
                : String.valueOf(build);
        return composeFile.getParent().resolve(context).normalize();
    }

    private Path dockerfile(Map<String, Object> service) {
        Object build = service.get("build");
        if (build == null) {
            return null;
        }
        Object dockerfile = build instanceof Map<?, ?> map ? map.get("dockerfile") : null;
        return context(service)
                .resolve(dockerfile == null ? "Dockerfile" : dockerfile.toString())
                .normalize();
    }

    /** {@code name:tag} (not latest) or a digest. */
    static boolean hasPinnedTag(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash
                && !image.substring(colon + 1).equals("latest")
                && !image.substring(colon + 1).isBlank();
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(healthChecks());
        problems.addAll(dependencies());
        problems.addAll(builds());
        problems.addAll(ports());
        problems.addAll(volumes());
        problems.addAll(interpolation());
        problems.addAll(containerEnvironment());
        return problems;
    }
}
