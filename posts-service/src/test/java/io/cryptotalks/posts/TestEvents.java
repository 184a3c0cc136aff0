package io.cryptotalks.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.posts.PostCreated;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Envelopes of new events, as Kafka records the way the listener receives them. */
public final class TestEvents {

    private final EventJson json;

    public TestEvents(EventJson json) {
        this.json = json;
    }

    public static EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.of(event, Clock.systemUTC());
    }

    public ConsumerRecord<String, String> record(EventEnvelope envelope) {
        return new ConsumerRecord<>(envelope.topic(), 0, 0L, envelope.aggregateId(), json.write(envelope));
    }

    public ConsumerRecord<String, String> record(DomainEvent event) {
        return record(envelope(event));
    }

    public String json(EventEnvelope envelope) {
        return json.write(envelope);
    }

    /** A post of its own: a unique title and slug (the gateway's job), with the given tags. */
    public static PostCreated newPost(UUID author, String title, List<String> content, String preview, String... tags) {
        UUID id = UUID.randomUUID();
        return new PostCreated(id, author, "author", title, "post-" + id, content, preview, List.of(tags));
    }

    /** A tag no other test uses (at most 20 characters, as the gateway allows). */
    public static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
