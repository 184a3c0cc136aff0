package io.cryptotalks.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The environment variables each deployable service reads, found the way Spring finds them: the service's own config
 * file (its {@code spring.config.name}), every file it imports with {@code spring.config.import}, and the Java sources
 * of the service and of the project modules it depends on ({@code ${VAR}} in annotations, {@code System.getenv}).
 * Nothing is listed by hand: a new {@code ${NEW_VAR:default}} in a yml is picked up by every check.
 */
final class ModuleVariables {

    /** {@code ${NAME}} or {@code ${NAME:default}}; the default ends at the first '}' (no nesting in this project). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static final Pattern GETENV = Pattern.compile("getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    static final Pattern CONFIG_NAME = Pattern.compile("spring\\.config\\.name=([A-Za-z0-9_.-]+)");
    /** Names that hold a credential: they must never have an inline default nor sit in a ConfigMap. */
    static final Pattern SECRET_NAME = Pattern.compile("(PASSWORD|SECRET|TOKEN|_KEY|_SID)$");
    /**
     * Variables Spring and the JVM read without a placeholder (relaxed binding of any property, e.g.
     * CRYPTOTALKS_MESSAGING_REPLICATIONFACTOR, and JAVA_TOOL_OPTIONS): allowed in a container's environment.
     */
    static final Pattern RELAXED_BINDING =
            Pattern.compile("^(JAVA_|JDK_|SPRING_|SERVER_|MANAGEMENT_|LOGGING_|CRYPTOTALKS_).*");

    /** One variable as one service reads it: its default ({@code null}: none) and where it was seen first. */
    record Variable(String name, String defaultValue, String source) {}

    /**
     * Variables the common module reads by name through Spring's Environment, where no placeholder shows them: every
     * service that depends on common reads them. OTLP_TRACING_ENDPOINT: spans are exported over OTLP/HTTP only when it
     * names an endpoint (empty or unset: none); compose passes it through empty by default.
     */
    static final List<Variable> READ_BY_COMMON_BY_NAME = List.of(
            new Variable("OTLP_TRACING_ENDPOINT", "", "common/src/main/java/io/cryptotalks/common/tracing (by name)"));

    private final Path root;

    ModuleVariables(Path root) {
        this.root = root;
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /**
     * The deployable services: modules that repackage an executable jar (spring-boot-maven-plugin) of a
     * {@code @SpringBootApplication}. The devstack's executable jar is a development tool and has none.
     */
    List<String> services() {
        List<String> services = new ArrayList<>();
        for (String module : Repository.modules(root)) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                continue;
            }
            Document doc = Repository.xml(pom);
            NodeList plugins = doc.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if ("spring-boot-maven-plugin".equals(Repository.childText(plugin, "artifactId"))
                        && plugin.getTextContent().contains("repackage")
                        && isSpringBootApplication(module)) {
                    services.add(module);
                    break;
                }
            }
        }
        return services;
    }

    private boolean isSpringBootApplication(String module) {
        return Repository.files(root.resolve(module).resolve("src/main/java"), ".java").stream()
                .anyMatch(java -> Repository.read(java).contains("@SpringBootApplication"));
    }

    /** Every service with the variables it reads. */
    SortedMap<String, SortedMap<String, Variable>> byService() {
        SortedMap<String, SortedMap<String, Variable>> result = new TreeMap<>();
        for (String service : services()) {
            result.put(service, of(service));
        }
        return result;
    }

    /** The union over all services (the first default seen wins; they agree in this project). */
    SortedMap<String, Variable> all() {
        SortedMap<String, Variable> all = new TreeMap<>();
        byService().values().forEach(vars -> vars.forEach(all::putIfAbsent));
        return all;
    }

    /** The variables one service reads. */
    SortedMap<String, Variable> of(String service) {
        SortedMap<String, Variable> vars = new TreeMap<>();
        List<String> modules = withProjectDependencies(service);
        for (Path file : configFiles(service, modules)) {
            collect(Repository.read(file), root.relativize(file).toString(), vars, true);
        }
        for (String module : modules) {
            for (Path java : Repository.files(root.resolve(module).resolve("src/main/java"), ".java")) {
                collect(Repository.read(java), root.relativize(java).toString(), vars, false);
            }
        }
        if (modules.contains("common")) {
            READ_BY_COMMON_BY_NAME.forEach(variable -> vars.putIfAbsent(variable.name(), variable));
        }
        return vars;
    }

    /** The port variable of a service: the placeholder of {@code server.port} in its own config file. */
    Variable portVariable(String service) {
        for (Path file : configFiles(service, withProjectDependencies(service))) {
            Object server = load(file).get("server");
            if (server instanceof Map<?, ?> map && map.get("port") != null) {
                Matcher m = PLACEHOLDER.matcher(String.valueOf(map.get("port")));
                if (m.find()) {
                    return new Variable(
                            m.group(1), m.group(2), root.relativize(file).toString());
                }
            }
        }
        throw new IllegalStateException(service + ": no server.port placeholder in its config files");
    }

    private static void collect(String text, String source, Map<String, Variable> into, boolean yamlOrProperties) {
        if (yamlOrProperties) {
            // comments may mention ${VARIABLE:default} without reading it
            text = text.replaceAll("(?m)(^|\\s)#.*$", "$1");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            into.putIfAbsent(m.group(1), new Variable(m.group(1), m.group(2), source));
        }
        if (!yamlOrProperties) {
            Matcher env = GETENV.matcher(text);
            while (env.find()) {
                into.putIfAbsent(env.group(1), new Variable(env.group(1), null, source));
            }
        }
    }

    /** The service and, transitively, the project modules it needs at run time (test-scoped ones are left out). */
    List<String> withProjectDependencies(String service) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(service));
        String groupId = projectGroupId();
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            Document pom = Repository.xml(root.resolve(module).resolve("pom.xml"));
            Element project = pom.getDocumentElement();
            for (Element deps : Repository.children(project, "dependencies")) {
                for (Element dep : Repository.children(deps, "dependency")) {
                    String scope = Repository.childText(dep, "scope");
                    String type = Repository.childText(dep, "type");
                    if (groupId.equals(Repository.childText(dep, "groupId"))
                            && (scope == null || scope.equals("compile") || scope.equals("runtime"))
                            && (type == null || type.equals("jar"))) {
                        String artifact = Repository.childText(dep, "artifactId");
                        if (Files.isDirectory(root.resolve(artifact))) {
                            todo.add(artifact);
                        }
                    }
                }
            }
        }
        return List.copyOf(seen);
    }

    private String projectGroupId() {
        return Repository.childText(Repository.xml(root.resolve("pom.xml")).getDocumentElement(), "groupId");
    }

    /** The service's config name (from {@code spring.config.name=} in its sources, else "application"). */
    String configName(String service) {
        for (Path java : Repository.files(root.resolve(service).resolve("src/main/java"), ".java")) {
            Matcher m = CONFIG_NAME.matcher(Repository.read(java));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "application";
    }

    /** Its own config files (with profile variants) and, transitively, every classpath file they import. */
    List<Path> configFiles(String service, List<String> modules) {
        String name = configName(service);
        Set<Path> files = new LinkedHashSet<>();
        Path resources = root.resolve(service).resolve("src/main/resources");
        for (Path file : Repository.files(resources, ".yml", ".yaml", ".properties")) {
            String fileName = file.getFileName().toString();
            if (file.getParent().equals(resources)
                    && (fileName.startsWith(name + ".") || fileName.startsWith(name + "-"))) {
                files.add(file);
            }
        }
        Deque<Path> todo = new ArrayDeque<>(files);
        while (!todo.isEmpty()) {
            Path file = todo.pop();
            if (!file.toString().endsWith(".properties")) {
                for (String imported : imports(load(file))) {
                    Path found = findOnClasspath(imported, modules);
                    if (found == null && imported.startsWith("optional:")) {
                        continue;
                    }
                    if (found == null) {
                        throw new IllegalStateException(
                                file + " imports " + imported + ", which no module of " + service + " has");
                    }
                    if (files.add(found)) {
                        todo.add(found);
                    }
                }
            }
        }
        return List.copyOf(files);
    }

    private Path findOnClasspath(String location, List<String> modules) {
        String path = location.replaceFirst("^optional:", "")
                .replaceFirst("^classpath:", "")
                .replaceFirst("^/", "");
        for (String module : modules) {
            Path candidate = root.resolve(module).resolve("src/main/resources").resolve(path);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> imports(Map<String, Object> config) {
        Object spring = config.get("spring");
        if (!(spring instanceof Map<?, ?> springMap) || !(springMap.get("config") instanceof Map<?, ?> configMap)) {
            return List.of();
        }
        Object imports = configMap.get("import");
        if (imports == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (imports instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item).trim()));
        } else {
            for (String item : String.valueOf(imports).split(",")) {
                result.add(item.trim());
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        if (file.toString().endsWith(".properties")) {
            return Map.of();
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Repository.read(file))) {
            if (doc instanceof Map<?, ?> map) {
                merged.putAll((Map<String, Object>) map);
            }
        }
        return merged;
    }
}
