package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Response bodies declare every property required: the gateway's response records write each of their fields, a null
 * as null, so a client may rely on the property being there (the web app's types are generated from this document).
 * A property that may be null says so with {@code @Schema(nullable = true)}. A record that leaves out what is not set
 * ({@code @JsonInclude(NON_NULL)}) marks the properties it always writes with {@code requiredMode = REQUIRED}, and is
 * left alone here. Without this, springdoc lists no property of a record as required, and every field would be
 * optional to a generated client. Request bodies keep what their validation says ({@code @NotNull}, {@code @NotBlank}).
 */
@Component
class ResponseSchemas implements OpenApiCustomizer {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null
                || openApi.getComponents().getSchemas() == null
                || openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openApi.getComponents().getSchemas();
        Set<String> inResponses = new HashSet<>();
        openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().values().stream())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().values().stream())
                .forEach(media -> collect(media.getSchema(), components, inResponses));
        for (String name : inResponses) {
            Schema<?> schema = components.get(name);
            if (schema != null
                    && schema.getProperties() != null
                    && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    /** The names of the components that {@code schema} uses, directly or through others. */
    private static void collect(Schema<?> schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        String ref = schema.get$ref();
        if (ref != null) {
            String name = ref.startsWith(COMPONENT) ? ref.substring(COMPONENT.length()) : ref;
            if (names.add(name)) {
                collect(components.get(name), components, names);
            }
            return;
        }
        Stream.of(
                        schema.getProperties() == null
                                ? null
                                : schema.getProperties().values(),
                        schema.getAllOf(),
                        schema.getOneOf(),
                        schema.getAnyOf())
                .filter(Objects::nonNull)
                .flatMap(Collection::stream)
                .forEach(child -> collect(child, components, names));
        collect(schema.getItems(), components, names);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, components, names);
        }
    }
}
