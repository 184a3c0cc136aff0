package io.cryptotalks.gateway.market;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gateway's copy of the shared market reads (list pages, coins without the caller's flag, stats, history):
 * bounded, each entry kept at most {@code ttl} (the backstop when a notice is lost), all dropped when a
 * {@code market-synced} notice arrives. Entries are keyed by a generation that a notice advances, so a read that
 * started before the notice can never store its older result where a later request would find it.
 */
@Component
class MarketCache {

    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Object> entries;

    MarketCache(
            @Value("${cryptotalks.market.cache.ttl:60s}") Duration ttl,
            @Value("${cryptotalks.market.cache.max-entries:5000}") long maxEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .build();
    }

    /**
     * The cached value of {@code query}, loading it once (concurrent callers wait for that load) when missing.
     * A null (not found) is answered but not kept.
     */
    <V> V get(Object query, Class<V> type, Supplier<V> load) {
        return type.cast(entries.get(new Key(generation.get(), query), key -> load.get()));
    }

    /** After a sync: later reads go to the database. */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private record Key(long generation, Object query) {}
}
