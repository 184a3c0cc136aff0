package io.cryptotalks.system;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values an operation's schema accepts, for the valid request that each malformed one changes in one place:
 * <ul>
 * <li>the schema's example (or enum value), made unique with a number when the schema still accepts it, so that no
 * two requests collide on a unique field (an email, a username, a post title) and no example names a real account;</li>
 * <li>otherwise a value of the declared type, format and length;</li>
 * <li>path parameters preferably a value of that name from an earlier response ({@code id}, {@code slug}, {@code uuid}),
 * so that requests reach an existing post or coin. Writes take only values from the test's own writes, so they
 * change nothing the test does not own; reads take any value seen.</li>
 * </ul>
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int KEPT_PER_NAME = 30;

    private final Random random;
    private final AtomicLong nonce;
    /** Values by property name from every 2xx answer, and from the answers to the test user's own writes. */
    private final Map<String, Deque<String>> seen = new HashMap<>();

    private final Map<String, Deque<String>> owned = new HashMap<>();

    ValidValues(Random random) {
        this.random = random;
        this.nonce = new AtomicLong(100_000 + random.nextInt(800_000));
    }

    /** Remembers the string and number values of a 2xx JSON answer, by property name. */
    synchronized void harvest(JsonNode answer, boolean ownWrite) {
        if (answer == null) {
            return;
        }
        if (answer.isObject()) {
            for (Map.Entry<String, JsonNode> property : answer.properties()) {
                JsonNode value = property.getValue();
                if (value.isString() && !value.asString().isEmpty() || value.isIntegralNumber()) {
                    remember(seen, property.getKey(), value.asString());
                    if (ownWrite) {
                        remember(owned, property.getKey(), value.asString());
                    }
                } else {
                    harvest(value, ownWrite);
                }
            }
        } else if (answer.isArray()) {
            for (JsonNode item : answer) {
                harvest(item, ownWrite);
            }
        }
    }

    private static void remember(Map<String, Deque<String>> pool, String name, String value) {
        Deque<String> values = pool.computeIfAbsent(name, key -> new ArrayDeque<>());
        values.remove(value);
        values.addFirst(value);
        if (values.size() > KEPT_PER_NAME) {
            values.removeLast();
        }
    }

    /** A known value for a path parameter: of its name, or for {@code postId}-like names an {@code id}. */
    synchronized String known(String parameter, boolean write) {
        List<String> candidates = new ArrayList<>();
        for (Map<String, Deque<String>> pool : write ? List.of(owned) : List.of(owned, seen)) {
            candidates.addAll(pool.getOrDefault(parameter, new ArrayDeque<>()));
            if (parameter.endsWith("Id")) {
                candidates.addAll(pool.getOrDefault("id", new ArrayDeque<>()));
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private JsonNode of(JsonNode schema, int depth) {
        if (schema == null) {
            return NODES.stringNode(string(null));
        }
        JsonNode choices = schema.get("enum");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size()));
        }
        switch (ApiDocument.typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5 && schema.has("properties")) {
                    for (Map.Entry<String, JsonNode> property :
                            schema.get("properties").properties()) {
                        object.set(property.getKey(), of(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 5; i++) {
                    array.add(of(schema.get("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                JsonNode example = ApiDocument.exampleOf(schema);
                return example != null
                        ? example
                        : NODES.numberNode(
                                schema.has("minimum")
                                        ? schema.get("minimum").asLong()
                                        : schema.has("maximum")
                                                ? schema.get("maximum").asLong()
                                                : 1L);
            }
            case "number" -> {
                JsonNode example = ApiDocument.exampleOf(schema);
                return example != null
                        ? example
                        : NODES.numberNode(schema.path("minimum").asDouble(1.5));
            }
            case "boolean" -> {
                JsonNode example = ApiDocument.exampleOf(schema);
                return example != null ? example : NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(string(schema));
            }
        }
    }

    /** A string the schema accepts: its example, made unique when it may be, or one of its format and length. */
    String string(JsonNode schema) {
        long unique = nonce.incrementAndGet();
        JsonNode example = ApiDocument.exampleOf(schema);
        if (example != null && !example.isContainer()) {
            String text = example.asString();
            int at = text.indexOf('@');
            String distinct = at > 0 ? text.substring(0, at) + unique + text.substring(at) : text + unique;
            return accepts(schema, distinct) ? distinct : text;
        }
        String format = schema == null ? "" : schema.path("format").asString("");
        switch (format) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "email" -> {
                return "valid" + unique + "@example.com";
            }
            case "date-time" -> {
                return Instant.now().toString();
            }
            case "uri", "url" -> {
                return "https://example.com/" + unique;
            }
            default -> {
                StringBuilder text = new StringBuilder("valid" + unique);
                int min = schema == null ? 0 : schema.path("minLength").asInt(0);
                while (text.length() < min) {
                    text.append('x');
                }
                int max = schema == null
                        ? Integer.MAX_VALUE
                        : schema.path("maxLength").asInt(Integer.MAX_VALUE);
                String plain = text.length() > max ? text.substring(0, max) : text.toString();
                if (schema == null || !schema.has("pattern") || accepts(schema, plain)) {
                    return plain;
                }
                // a pattern without an example: the shapes patterns here ask for most, an address or a link
                for (String shape : List.of("valid" + unique + "@example.com", "https://example.com/" + unique, "")) {
                    if (accepts(schema, shape)) {
                        return shape;
                    }
                }
                return plain;
            }
        }
    }

    private static boolean accepts(JsonNode schema, String text) {
        if (text.length() < schema.path("minLength").asInt(0)
                || text.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        if (!schema.has("pattern")) {
            return true;
        }
        try {
            return Pattern.compile(schema.get("pattern").asString())
                    .matcher(text)
                    .find();
        } catch (PatternSyntaxException notJavaSyntax) {
            return false;
        }
    }
}
