package io.cryptotalks.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's OpenAPI document ({@code /docs-json}) as a list of operations, each with its path and query
 * parameters and its JSON request body, every {@code $ref} resolved. It reads what springdoc writes in OpenAPI 3.0
 * or 3.1 ({@code type: [string, "null"]}, {@code examples: [...]}).
 */
final class ApiDocument {

    static final List<String> METHODS = List.of("post", "put", "patch", "get", "delete");

    private final JsonNode document;

    ApiDocument(JsonNode document) {
        this.document = document;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {}

    /**
     * @param body      the resolved schema of the JSON body, or null when the operation takes none
     * @param bodyTypes the media types the body may have ({@code application/json} is the one sent)
     */
    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            JsonNode body,
            boolean bodyRequired,
            List<String> bodyTypes) {

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream()
                    .filter(parameter -> parameter.in().equals(where))
                    .toList();
        }

        /** Creating first and deleting last, so that later operations find what earlier ones made. */
        static final Comparator<Operation> ORDER = Comparator.comparingInt(
                        (Operation operation) -> METHODS.indexOf(operation.method()))
                .thenComparing(Operation::path);
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(operation(method, path.getKey(), path.getValue(), operation));
                }
            }
        }
        operations.sort(Operation.ORDER);
        return operations;
    }

    /** The paths and the methods each has, to find a method a path does not have. */
    List<String> methodsOf(String path) {
        JsonNode item = document.get("paths").get(path);
        return METHODS.stream()
                .filter(method -> item != null && item.has(method))
                .toList();
    }

    /** The properties of the contract's error body, with their types: {@code statusCode: integer, ...}. */
    Map<String, String> errorShape() {
        JsonNode error = resolve(document.get("components").get("schemas").get("Error"));
        Map<String, String> shape = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : error.get("properties").properties()) {
            shape.put(property.getKey(), typeOf(resolve(property.getValue())));
        }
        return shape;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : new JsonNode[] {pathItem.get("parameters"), operation.get("parameters")}) {
            if (list != null) {
                for (JsonNode parameter : list) {
                    JsonNode resolved = resolve(parameter);
                    parameters.add(new Parameter(
                            resolved.get("name").asString(),
                            resolved.get("in").asString(),
                            resolved.path("required").asBoolean(false),
                            resolve(resolved.get("schema")),
                            resolved.get("example")));
                }
            }
        }
        JsonNode requestBody = operation.has("requestBody") ? resolve(operation.get("requestBody")) : null;
        JsonNode body = null;
        List<String> bodyTypes = List.of();
        if (requestBody != null) {
            JsonNode content = requestBody.get("content");
            bodyTypes = List.copyOf(content.propertyNames());
            body = content.has("application/json")
                    ? resolve(content.get("application/json").get("schema"))
                    : null;
        }
        return new Operation(
                method,
                path,
                List.copyOf(parameters),
                body,
                requestBody != null && requestBody.path("required").asBoolean(false),
                bodyTypes);
    }

    /** Follows {@code $ref} and takes the first of {@code allOf}/{@code oneOf}/{@code anyOf}. */
    JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        for (int hops = 0; schema.has("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("a $ref cycle at " + schema);
            }
            JsonNode target = document;
            for (String part : schema.get("$ref").asString().substring(2).split("/")) {
                target = target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            schema = target;
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combinator) && !schema.has("type") && !schema.has("properties")) {
                return resolve(schema.get(combinator).get(0));
            }
        }
        return schema;
    }

    /** {@code string}, {@code integer}, ... also from OpenAPI 3.1's {@code [type, "null"]}; object when unsaid. */
    static String typeOf(JsonNode schema) {
        if (schema == null) {
            return "string";
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
        }
        if (type != null && type.isString()) {
            return type.asString();
        }
        return schema.has("items") ? "array" : schema.has("properties") ? "object" : "string";
    }

    /** The schema's example: {@code example}, or the first of OpenAPI 3.1's {@code examples}. */
    static JsonNode exampleOf(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        JsonNode examples = schema.get("examples");
        return examples != null && examples.isArray() && !examples.isEmpty() ? examples.get(0) : null;
    }
}
