package io.cryptotalks.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker compose's observability profile, checked without Docker: its services, Prometheus' scrape configuration
 * against the compose file's Spring services, and the Grafana dashboard against its datasource and the metric list.
 * Every problem found is one line of the returned list (empty: none).
 */
final class ObservabilityChecks {

    static final String PROFILE = "observability";
    static final String METRICS_PATH = "/actuator/prometheus";
    static final String SCRAPE_INTERVAL = "10s";

    private final ComposeChecks compose;
    private final Path observability;

    /** @param observability the deploy/observability folder that the compose file mounts */
    ObservabilityChecks(ComposeChecks compose, Path observability) {
        this.compose = compose;
        this.observability = observability;
    }

    /**
     * The profile's services are only under the profile, from pinned images, published on the loopback address only;
     * nothing outside the profile is under a profile or waits for one of them (a plain up would not start).
     */
    List<String> profile(Set<String> expected) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = compose.services();
        for (String name : expected) {
            if (!services.containsKey(name)) {
                problems.add(name + ": missing from the compose file");
            }
        }
        services.forEach((name, service) -> {
            Object profiles = service.get("profiles");
            boolean inProfile = profiles instanceof List<?> list && list.contains(PROFILE);
            if (expected.contains(name)) {
                if (!List.of(PROFILE).equals(profiles)) {
                    problems.add(name + ": profiles " + profiles + ", expected [" + PROFILE + "]");
                }
                Object image = service.get("image");
                if (image == null || !ComposeChecks.hasPinnedTag(image.toString()) || service.get("build") != null) {
                    problems.add(name + ": not an image with a pinned tag: " + image);
                }
                Object ports = service.get("ports");
                if (ports instanceof List<?> list) {
                    list.stream()
                            .filter(port -> !port.toString().startsWith("127.0.0.1:"))
                            .forEach(port ->
                                    problems.add(name + ": publishes " + port + " beyond the loopback address"));
                }
            } else if (profiles != null) {
                problems.add(name + ": under profiles " + profiles + " (only " + expected + " are)");
            }
            if (!inProfile && service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                dependsOn.keySet().stream()
                        .filter(expected::contains)
                        .forEach(target -> problems.add(
                                name + ": waits for " + target + ", which starts only with --profile " + PROFILE));
            }
        });
        return problems;
    }

    /**
     * Every Spring service of the compose file has a scrape job on its management port and Actuator's path, every
     * 10 s, its series labelled with the service; no job scrapes a service the compose file does not have.
     */
    List<String> scrapeJobs() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> config = yaml(observability.resolve("prometheus/prometheus.yml"));
        Object globalInterval = map(config.get("global")).get("scrape_interval");
        Map<String, List<Map<String, Object>>> jobsByTarget = new TreeMap<>();
        for (Object entry : list(config.get("scrape_configs"))) {
            Map<String, Object> job = map(entry);
            for (String target : targets(job)) {
                jobsByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(job);
            }
        }
        Set<String> expectedTargets = new TreeSet<>();
        compose.springServices().forEach((name, service) -> {
            String port = ComposeChecks.managementPort(service).orElse(null);
            if (port == null) {
                problems.add(name + ": no MANAGEMENT_SERVER_PORT, so Prometheus would scrape its public port");
                return;
            }
            String target = name + ":" + port;
            expectedTargets.add(target);
            List<Map<String, Object>> jobs = jobsByTarget.getOrDefault(target, List.of());
            if (jobs.isEmpty()) {
                problems.add(name + ": no scrape job for " + target);
            }
            for (Map<String, Object> job : jobs) {
                String id = "job " + job.get("job_name");
                if (!METRICS_PATH.equals(job.get("metrics_path"))) {
                    problems.add(id + ": metrics_path " + job.get("metrics_path") + ", not " + METRICS_PATH);
                }
                Object interval = job.getOrDefault("scrape_interval", globalInterval);
                if (!SCRAPE_INTERVAL.equals(String.valueOf(interval))) {
                    problems.add(id + ": scrape interval " + interval + ", not " + SCRAPE_INTERVAL);
                }
                if (!name.equals(serviceLabel(job, target))) {
                    problems.add(id + ": its series are not labelled service=" + name);
                }
            }
        });
        jobsByTarget.keySet().stream()
                .filter(target -> !expectedTargets.contains(target))
                .forEach(target -> problems.add(
                        "scrape target " + target + " is not a Spring service's management port in the compose file"));
        return problems;
    }

    /** {@code host:port} of a job's static targets and DNS names. */
    private static Set<String> targets(Map<String, Object> job) {
        Set<String> targets = new LinkedHashSet<>();
        for (Object entry : list(job.get("static_configs"))) {
            list(map(entry).get("targets")).forEach(t -> targets.add(t.toString()));
        }
        for (Object entry : list(job.get("dns_sd_configs"))) {
            Map<String, Object> dns = map(entry);
            list(dns.get("names")).forEach(n -> targets.add(n + ":" + dns.get("port")));
        }
        return targets;
    }

    /** The value of the {@code service} label: a static config's labels, or a relabelling that sets it. */
    private static String serviceLabel(Map<String, Object> job, String target) {
        for (Object entry : list(job.get("static_configs"))) {
            Map<String, Object> staticConfig = map(entry);
            if (list(staticConfig.get("targets")).contains(target)) {
                Object label = map(staticConfig.get("labels")).get("service");
                if (label != null) {
                    return label.toString();
                }
            }
        }
        for (Object entry : list(job.get("relabel_configs"))) {
            Map<String, Object> relabel = map(entry);
            if ("service".equals(relabel.get("target_label"))
                    && relabel.get("source_labels") == null
                    && relabel.get("replacement") != null) {
                return relabel.get("replacement").toString();
            }
        }
        return null;
    }

    /** The uids of the provisioned datasources. */
    Set<String> datasourceUids() {
        Set<String> uids = new TreeSet<>();
        for (Path file : Repository.files(observability.resolve("grafana/provisioning/datasources"), ".yml", ".yaml")) {
            for (Object entry : list(yaml(file).get("datasources"))) {
                uids.add(String.valueOf(map(entry).get("uid")));
            }
        }
        return uids;
    }

    /**
     * A dashboard parses; each of its panels and queries uses a provisioned datasource; every metric named by a
     * PromQL expression (panels and variables) is on the allowed list; each required panel exists (by title) and
     * asks for its metrics.
     */
    List<String> dashboard(Path file, Set<String> allowedMetrics, Map<String, List<String>> requiredPanels) {
        List<String> problems = new ArrayList<>();
        JsonNode dashboard;
        try {
            dashboard = JsonMapper.builder().build().readTree(Repository.read(file));
        } catch (RuntimeException e) {
            return List.of(file.getFileName() + ": not JSON: " + e.getMessage());
        }
        Set<String> datasources = datasourceUids();
        Map<String, String> expressionsByTitle = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        for (JsonNode panel : panels) {
            if (text(panel.path("type")).equals("row")) {
                continue;
            }
            String title = text(panel.path("title"));
            String where = "panel '" + title + "'";
            checkDatasource(where, panel.path("datasource"), datasources, problems);
            StringBuilder expressions = new StringBuilder();
            for (JsonNode target : panel.path("targets")) {
                checkDatasource(
                        where + " query " + text(target.path("refId")),
                        target.path("datasource"),
                        datasources,
                        problems);
                String expr = text(target.path("expr"));
                expressions.append(expr).append('\n');
                unknownMetrics(where, PromQl.metricNames(expr), allowedMetrics, problems);
            }
            if (expressions.isEmpty()) {
                problems.add("panel '" + title + "': no query");
            }
            expressionsByTitle.merge(title, expressions.toString(), String::concat);
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? text(query.path("query")) : text(query);
            checkDatasource(
                    "variable " + text(variable.path("name")), variable.path("datasource"), datasources, problems);
            unknownMetrics(
                    "variable " + text(variable.path("name")),
                    PromQl.variableMetricNames(text),
                    allowedMetrics,
                    problems);
        }
        requiredPanels.forEach((title, needles) -> {
            String expressions = expressionsByTitle.get(title);
            if (expressions == null) {
                problems.add("no panel '" + title + "'");
                return;
            }
            needles.stream()
                    .filter(needle -> !expressions.contains(needle))
                    .forEach(needle -> problems.add("panel '" + title + "' does not ask for " + needle));
        });
        return problems;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    private static void checkDatasource(String where, JsonNode datasource, Set<String> uids, List<String> problems) {
        String uid = text(datasource.path("uid"));
        if (!uids.contains(uid)) {
            problems.add(where + ": datasource uid '" + uid + "' is not a provisioned datasource " + uids);
        }
    }

    private static void unknownMetrics(String where, Set<String> names, Set<String> allowed, List<String> problems) {
        names.stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> problems.add(where + ": metric " + name + " is not on the list of metrics.txt"));
    }

    /** The metric list shared with system-tests' OperationsTests: one name a line, # comments. */
    static Set<String> metricList(Path file) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Repository.read(file).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(new SafeConstructor(options)).load(Repository.read(file));
        return loaded instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** A scalar's text; "" for a missing node, null or a container. */
    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asString() : "";
    }
}
