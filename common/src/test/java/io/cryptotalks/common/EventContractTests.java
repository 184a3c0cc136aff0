package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventCatalog;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostUpdated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type reads back what it writes, and still reads the recorded JSON of its published version
 * ({@code src/test/resources/contracts/<type>.json}): renaming or retyping a field breaks a test, not a consumer.
 */
class EventContractTests {

    private final EventJson json = new EventJson();

    static List<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.ALL;
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void recordedVersionIsStillReadableAndRoundTrips(Class<? extends DomainEvent> type) throws IOException {
        String name = EventCatalog.typeOf(type).name();
        String recorded = resource("/contracts/" + name + ".json");

        EventEnvelope envelope = json.read(recorded);

        assertThat(envelope.type()).isEqualTo(name);
        assertThat(envelope.payload()).isInstanceOf(type);
        assertThat(envelope.payload().aggregateId()).isEqualTo(envelope.aggregateId());
        assertThat(envelope.payload()).hasNoNullFieldsOrProperties();
        assertThat(json.read(json.write(envelope))).isEqualTo(envelope);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void newEnvelopeCarriesTypeTopicAndVersion(Class<? extends DomainEvent> type) throws IOException {
        DomainEvent payload = json.read(
                        resource("/contracts/" + EventCatalog.typeOf(type).name() + ".json"))
                .payload();

        EventEnvelope envelope = EventEnvelope.of(payload, Clock.systemUTC());

        assertThat(envelope.topic())
                .isEqualTo(EventCatalog.typeOf(type).topic())
                .startsWith("cryptotalks.");
        assertThat(envelope.schemaVersion()).isEqualTo(EventCatalog.typeOf(type).version());
        assertThat(json.read(json.write(envelope))).isEqualTo(envelope);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() throws IOException {
        String newer = resource("/contracts/user-signed-up.json")
                .replace("\"publicEmail\":true", "\"publicEmail\":true,\"referrer\":\"a-field-from-the-future\"");

        EventJson readerGivenAStrictMapper = new EventJson(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());

        assertThat(readerGivenAStrictMapper.read(newer).payload())
                .isEqualTo(json.read(resource("/contracts/user-signed-up.json")).payload());
    }

    @Test
    void postEventsFromBeforeCashtagsStillRead() throws IOException {
        String created = resource("/contracts/post-created.json").replaceAll(",\"cashtags\":\\[[^\\]]*\\]", "");
        String updated = resource("/contracts/post-updated.json").replaceAll(",\"cashtags\":\\[[^\\]]*\\]", "");
        assertThat(created).doesNotContain("cashtags");
        assertThat(updated).doesNotContain("cashtags");

        assertThat(((PostCreated) json.read(created).payload()).cashtags())
                .as("a post written before cashtags has none")
                .isEmpty();
        assertThat(((PostUpdated) json.read(updated).payload()).cashtags())
                .as("an edit from before cashtags leaves them as they are")
                .isNull();
    }

    @Test
    void unreadableRecordsAreRejectedAsMalformed() {
        assertThatThrownBy(() -> json.read("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> json.read("{\"type\":\"no-such-event\",\"payload\":{}}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> json.read("{\"type\":\"user-signed-up\",\"payload\":{}}"))
                .isInstanceOf(MalformedEventException.class);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EventContractTests.class.getResourceAsStream(path)) {
            assertThat(in).as("recorded contract %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
