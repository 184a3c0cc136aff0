package io.cryptotalks.common.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes and reads envelopes as JSON: {@code {eventId, type, aggregateId, occurredAt, schemaVersion, payload}}. */
public final class EventJson {

    private final JsonMapper mapper;

    /** A tolerant reader: fields a newer producer added are ignored, so adding a field never breaks a consumer. */
    public EventJson(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventJson() {
        this(JsonMapper.builder().build());
    }

    public String write(EventEnvelope envelope) {
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("type", envelope.type());
        node.put("aggregateId", envelope.aggregateId());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("schemaVersion", envelope.schemaVersion());
        node.set("payload", mapper.valueToTree(envelope.payload()));
        return mapper.writeValueAsString(node);
    }

    /** @throws MalformedEventException when the text is not an envelope of a known event type */
    public EventEnvelope read(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            String type = required(node, "type").asString();
            Class<? extends DomainEvent> payloadType = EventCatalog.classOf(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
            DomainEvent payload = mapper.treeToValue(required(node, "payload"), payloadType);
            return new EventEnvelope(
                    UUID.fromString(required(node, "eventId").asString()),
                    type,
                    required(node, "aggregateId").asString(),
                    Instant.parse(required(node, "occurredAt").asString()),
                    required(node, "schemaVersion").asInt(),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("not a readable event envelope: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("event envelope without '" + field + "'");
        }
        return value;
    }
}
