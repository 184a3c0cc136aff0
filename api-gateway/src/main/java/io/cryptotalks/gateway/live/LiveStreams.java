package io.cryptotalks.gateway.live;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams this gateway instance holds, by what they follow (a user, a post). Only this instance's
 * connections: what reaches them comes through Kafka to every instance, so nothing here decides anything another
 * instance would need to know. A key holds at most {@code perKey} streams, so one user cannot hold a gateway's
 * connections.
 */
public final class LiveStreams<K> {

    private final ConcurrentHashMap<K, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private final int perKey;

    LiveStreams(int perKey) {
        this.perKey = perKey;
    }

    /**
     * A new stream following {@code key}, opened in {@code session} (null: a public stream), that ends after
     * {@code lifetime}; empty when the key has its fill.
     */
    public Optional<LiveStream> open(K key, UUID session, Duration lifetime) {
        LiveStream stream = new LiveStream(new SseEmitter(lifetime.toMillis()), session);
        boolean[] added = {false};
        streams.compute(key, (k, current) -> {
            Set<LiveStream> set = current == null ? ConcurrentHashMap.newKeySet() : current;
            set.removeIf(existing -> !existing.isOpen());
            if (set.size() < perKey) {
                added[0] = set.add(stream);
            }
            return set.isEmpty() ? null : set;
        });
        if (!added[0]) {
            return Optional.empty();
        }
        Runnable remove = () -> remove(key, stream);
        stream.emitter().onCompletion(remove);
        stream.emitter().onTimeout(() -> {
            stream.close();
            remove.run();
        });
        stream.emitter().onError(failure -> remove.run());
        return Optional.of(stream);
    }

    /** The open streams that follow {@code key} (none: an empty set). */
    public Set<LiveStream> of(K key) {
        Set<LiveStream> set = streams.get(key);
        return set == null ? Set.of() : set;
    }

    public Set<K> keys() {
        return streams.keySet();
    }

    /** Every open stream, of every key. */
    public Stream<LiveStream> all() {
        return streams.values().stream().flatMap(Set::stream);
    }

    public int size() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** A comment line to every stream: proxies keep the connection, and a client that has gone is found out. */
    public void keepAlive() {
        streams.forEach((key, set) -> set.forEach(stream -> {
            // a new builder each time: a builder keeps what it built and would send it again, growing, on reuse
            if (!stream.send(SseEmitter.event().comment("keep-alive"))) {
                remove(key, stream);
            }
        }));
    }

    private void remove(K key, LiveStream stream) {
        streams.computeIfPresent(key, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }
}
