package io.cryptotalks.common.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The recorded JSON of each published event version (the producer's side of the contract), for consumers' tests: a
 * worker proves it applies exactly what producers send. Ids are replaced, so each use is a new event of a new user.
 */
public final class RecordedEvents {

    /** The user id every recorded contract uses (the demo account JohnDoe). */
    public static final String RECORDED_USER_ID = "8a08eaf1-c7a8-403b-b1ce-1fef8e34d000";

    private RecordedEvents() {}

    public static String json(String eventType) {
        try (InputStream in = RecordedEvents.class.getResourceAsStream("/contracts/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded contract for " + eventType);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded event as a Kafka record, with a fresh event id and {@code userId} in place of the recorded one. */
    public static ConsumerRecord<String, String> record(String topic, String eventType, UUID userId) {
        String json = json(eventType)
                .replaceFirst("\"eventId\":\"[0-9a-f-]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"")
                .replace(RECORDED_USER_ID, userId.toString());
        return new ConsumerRecord<>(topic, 0, 0L, userId.toString(), json);
    }
}
