package io.cryptotalks.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Kustomize's semantics for the subset deploy/k8s uses, in Java (no kustomize binary is needed where the tests run):
 * {@code resources} (files and kustomization folders), {@code namespace}, {@code images}, {@code replicas} and
 * {@code patches} (strategic-merge patches matched by kind and name, and JSON 6902 patches with a target of kind, name
 * and equality label selectors). Anything else in a kustomization.yaml is refused, so a feature this renderer does
 * not implement cannot slip through unchecked. Where kubectl is installed, the tests also compare this rendering with
 * {@code kubectl kustomize}.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "IngressClass",
            "PriorityClass");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");

    private Kustomize() {}

    /** Problems with a kustomization folder's references: missing resources and patch files, unsupported fields. */
    static List<String> references(Path dir) {
        List<String> problems = new ArrayList<>();
        Path file = kustomizationFile(dir);
        if (file == null) {
            problems.add(dir + ": no kustomization.yaml");
            return problems;
        }
        Map<String, Object> k = loadOne(file);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                problems.add(file + ": '" + key + "' is not supported by the tests' renderer (extend Kustomize.java)");
            }
        }
        for (Object resource : list(k.get("resources"))) {
            Path path = dir.resolve(resource.toString()).normalize();
            if (Files.isDirectory(path)) {
                problems.addAll(references(path));
            } else if (!Files.isRegularFile(path)) {
                problems.add(file + ": resource " + resource + " does not exist");
            }
        }
        for (Object patch : list(k.get("patches"))) {
            Object path = ((Map<?, ?>) patch).get("path");
            if (path != null && !Files.isRegularFile(dir.resolve(path.toString()))) {
                problems.add(file + ": patch " + path + " does not exist");
            }
        }
        return problems;
    }

    /** The rendered resources, in the order kustomize would list them before sorting. */
    static List<Map<String, Object>> render(Path dir) {
        Path file = kustomizationFile(dir);
        if (file == null) {
            throw new IllegalArgumentException(dir + ": no kustomization.yaml");
        }
        Map<String, Object> k = loadOne(file);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not supported by the tests' renderer");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(k.get("resources"))) {
            Path path = dir.resolve(entry.toString()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.addAll(loadAll(path));
            }
        }
        for (Object entry : list(k.get("patches"))) {
            applyPatch(dir, castMap(entry), resources);
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.get("kind"))) {
                    metadata(resource).put("namespace", namespace.toString());
                }
            }
        }
        for (Object entry : list(k.get("images"))) {
            Map<String, Object> image = castMap(entry);
            for (Map<String, Object> resource : resources) {
                for (Map<String, Object> container : containers(resource)) {
                    container.put("image", retag(String.valueOf(container.get("image")), image));
                }
            }
        }
        for (Object entry : list(k.get("replicas"))) {
            Map<String, Object> replicas = castMap(entry);
            List<Map<String, Object>> matched = resources.stream()
                    .filter(r -> WORKLOADS.contains(r.get("kind"))
                            && Objects.equals(metadata(r).get("name"), replicas.get("name")))
                    .toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(
                        file + ": replicas for " + replicas.get("name") + ", which is not a workload here");
            }
            matched.forEach(r -> castMap(r.get("spec")).put("replicas", replicas.get("count")));
        }
        return resources;
    }

    private static String retag(String image, Map<String, Object> rule) {
        String name = image;
        String tag = null;
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at >= 0) {
            name = image.substring(0, at);
            tag = image.substring(at);
        } else if (colon > image.lastIndexOf('/')) {
            name = image.substring(0, colon);
            tag = image.substring(colon);
        }
        if (!name.equals(rule.get("name"))) {
            return image;
        }
        String newName = rule.get("newName") != null ? rule.get("newName").toString() : name;
        if (rule.get("digest") != null) {
            return newName + "@" + rule.get("digest");
        }
        if (rule.get("newTag") != null) {
            return newName + ":" + rule.get("newTag");
        }
        return newName + (tag == null ? "" : tag);
    }

    @SuppressWarnings("unchecked")
    private static void applyPatch(Path dir, Map<String, Object> entry, List<Map<String, Object>> resources) {
        Object content;
        String origin;
        if (entry.get("path") != null) {
            Path file = dir.resolve(entry.get("path").toString());
            content = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(file));
            origin = file.toString();
        } else if (entry.get("patch") != null) {
            content = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(entry.get("patch").toString());
            origin = dir + " (inline patch)";
        } else {
            throw new IllegalArgumentException(dir + ": a patch with neither path nor patch");
        }
        Map<String, Object> target = entry.get("target") == null ? null : castMap(entry.get("target"));
        if (content instanceof List<?> operations) {
            if (target == null) {
                throw new IllegalArgumentException(origin + ": a JSON 6902 patch needs a target");
            }
            List<Map<String, Object>> matched =
                    resources.stream().filter(r -> matches(r, target)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(origin + ": its target " + target + " matches no resource");
            }
            for (Map<String, Object> resource : matched) {
                for (Object operation : operations) {
                    JsonPatch.apply(resource, castMap(operation), origin);
                }
            }
        } else if (content instanceof Map<?, ?> patch) {
            Map<String, Object> smp = (Map<String, Object>) patch;
            List<Map<String, Object>> matched = resources.stream()
                    .filter(r -> Objects.equals(r.get("kind"), smp.get("kind"))
                            && Objects.equals(
                                    metadata(r).get("name"), metadata(smp).get("name")))
                    .filter(r -> target == null || matches(r, target))
                    .toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(origin + ": patches " + smp.get("kind") + "/"
                        + metadata(smp).get("name") + ", which is not among the resources");
            }
            matched.forEach(r -> StrategicMerge.merge(r, smp, origin));
        } else {
            throw new IllegalArgumentException(
                    origin + ": neither a strategic-merge patch nor a JSON 6902 operation list");
        }
    }

    private static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
        for (String key : target.keySet()) {
            if (!Set.of("kind", "name", "labelSelector", "group", "version").contains(key)) {
                throw new IllegalArgumentException(
                        "patch target field '" + key + "' is not supported by the tests' renderer");
            }
        }
        if (target.get("kind") != null && !target.get("kind").equals(resource.get("kind"))) {
            return false;
        }
        if (target.get("name") != null
                && !target.get("name").equals(metadata(resource).get("name"))) {
            return false;
        }
        if (target.get("labelSelector") != null) {
            Map<?, ?> labels = metadata(resource).get("labels") instanceof Map<?, ?> l ? l : Map.of();
            for (String requirement : target.get("labelSelector").toString().split(",")) {
                String[] pair = requirement.split("=", 2);
                if (pair.length != 2 || requirement.contains("!=") || requirement.contains(" in ")) {
                    throw new IllegalArgumentException(
                            "label selector '" + requirement + "': only key=value is supported by the tests' renderer");
                }
                if (!pair[1].trim().equals(labels.get(pair[0].trim()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The containers and init containers of a workload's pod template (empty for other kinds). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        if (!WORKLOADS.contains(resource.get("kind"))
                || !(resource.get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> podSpec)) {
            return List.of();
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("containers", "initContainers")) {
            if (podSpec.get(field) instanceof List<?> list) {
                list.forEach(c -> containers.add((Map<String, Object>) c));
            }
        }
        return containers;
    }

    static Map<String, Object> metadata(Map<String, Object> resource) {
        return castMap(resource.computeIfAbsent("metadata", key -> new LinkedHashMap<String, Object>()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A patch's value is applied to several resources: each gets its own copy. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    static Map<String, Object> loadOne(Path file) {
        return castMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(file)));
    }

    /** Every non-empty document of a manifest file. */
    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Repository.read(file))) {
            if (doc != null) {
                docs.add(castMap(doc));
            }
        }
        return docs;
    }

    /** JSON 6902: add, replace and remove on JSON pointers. */
    static final class JsonPatch {

        private JsonPatch() {}

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> document, Map<String, Object> operation, String origin) {
            String op = String.valueOf(operation.get("op"));
            String path = String.valueOf(operation.get("path"));
            if (!Set.of("add", "replace", "remove").contains(op)) {
                throw new IllegalArgumentException(
                        origin + ": JSON 6902 op '" + op + "' is not supported by the tests' renderer");
            }
            List<String> tokens = new ArrayList<>();
            for (String token : path.substring(1).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            Object parent = document;
            for (String token : tokens.subList(0, tokens.size() - 1)) {
                parent = child(parent, token, origin, path);
            }
            String last = tokens.get(tokens.size() - 1);
            if (parent instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                if (!op.equals("add") && !m.containsKey(last)) {
                    throw new IllegalArgumentException(origin + ": " + op + " " + path + ": no such field");
                }
                if (op.equals("remove")) {
                    m.remove(last);
                } else {
                    m.put(last, deepCopy(operation.get("value")));
                }
            } else if (parent instanceof List<?> list) {
                List<Object> l = (List<Object>) list;
                if (op.equals("add") && last.equals("-")) {
                    l.add(deepCopy(operation.get("value")));
                    return;
                }
                int index = Integer.parseInt(last);
                if (index < 0 || index > l.size() || !op.equals("add") && index == l.size()) {
                    throw new IllegalArgumentException(origin + ": " + op + " " + path + ": index out of range");
                }
                switch (op) {
                    case "add" -> l.add(index, deepCopy(operation.get("value")));
                    case "replace" -> l.set(index, deepCopy(operation.get("value")));
                    default -> l.remove(index);
                }
            } else {
                throw new IllegalArgumentException(origin + ": " + path + " does not lead into a mapping or a list");
            }
        }

        private static Object child(Object node, String token, String origin, String path) {
            Object next = null;
            if (node instanceof Map<?, ?> map) {
                next = map.get(token);
            } else if (node instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
                next = list.get(Integer.parseInt(token));
            }
            if (next == null) {
                throw new IllegalArgumentException(origin + ": " + path + ": no '" + token + "'");
            }
            return next;
        }
    }

    /** Strategic merge for the shapes used here: mappings merge, lists of named items merge by name, null deletes. */
    static final class StrategicMerge {

        private StrategicMerge() {}

        @SuppressWarnings("unchecked")
        static void merge(Map<String, Object> target, Map<String, Object> patch, String origin) {
            for (Map.Entry<String, Object> entry : patch.entrySet()) {
                String key = entry.getKey();
                Object value = entry.getValue();
                if (key.startsWith("$")) {
                    throw new IllegalArgumentException(
                            origin + ": directive " + key + " is not supported by the tests' renderer");
                }
                Object current = target.get(key);
                if (value == null) {
                    target.remove(key);
                } else if (value instanceof Map<?, ?> patchMap && current instanceof Map<?, ?> currentMap) {
                    merge((Map<String, Object>) currentMap, (Map<String, Object>) patchMap, origin);
                } else if (value instanceof List<?> patchList
                        && current instanceof List<?> currentList
                        && isNamedList(patchList)
                        && isNamedList(currentList)) {
                    mergeNamed((List<Object>) currentList, (List<Object>) patchList, origin);
                } else {
                    target.put(key, deepCopy(value));
                }
            }
        }

        private static boolean isNamedList(List<?> list) {
            return !list.isEmpty()
                    && list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.get("name") != null);
        }

        @SuppressWarnings("unchecked")
        private static void mergeNamed(List<Object> current, List<Object> patch, String origin) {
            for (Object item : patch) {
                Map<String, Object> patchItem = (Map<String, Object>) item;
                Map<String, Object> existing = (Map<String, Object>) current.stream()
                        .filter(c -> Objects.equals(((Map<?, ?>) c).get("name"), patchItem.get("name")))
                        .findFirst()
                        .orElse(null);
                if (existing == null) {
                    current.add(deepCopy(patchItem));
                } else {
                    merge(existing, patchItem, origin);
                }
            }
        }
    }
}
