package io.cryptotalks.gateway.posts;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many posts a list filter matches. Counting every match of a common search word or of the whole table costs
 * tens of milliseconds at 100k posts (the GIN bitmap still visits the heap), far more than the page itself, so a
 * count shared by many readers is reused: after {@link #REFRESHED_AFTER} the next reader still gets it while one
 * background count replaces it (nobody waits for a recount), and a count nobody asked for in {@link #DROPPED_AFTER}
 * is forgotten. A list's {@code count} may therefore lag new posts by seconds, its rows never do. A count that reached
 * its limit ("10,000 or more") is the costliest to repeat and the least likely to change, so it is recounted only
 * after {@link #CAPPED_RECOUNTED_AFTER}. One author's posts are few and counted exactly on every call ("my posts"
 * right after a write).
 */
@Component
class PostCounts {

    static final Duration REFRESHED_AFTER = Duration.ofSeconds(5);
    static final Duration DROPPED_AFTER = Duration.ofSeconds(30);
    static final Duration CAPPED_RECOUNTED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final LoadingCache<Shared, Counted> shared;

    PostCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.shared = Caffeine.newBuilder()
                .maximumSize(10_000)
                .refreshAfterWrite(REFRESHED_AFTER)
                .expireAfterWrite(DROPPED_AFTER)
                .build(new CacheLoader<>() {
                    @Override
                    public Counted load(Shared key) {
                        return new Counted(countNow(key.filter(), key.limit()), System.nanoTime());
                    }

                    @Override
                    public Counted reload(Shared key, Counted old) {
                        boolean capped = old.matches() >= key.limit();
                        return capped && System.nanoTime() - old.countedAt() < CAPPED_RECOUNTED_AFTER.toNanos()
                                ? old
                                : load(key);
                    }
                });
    }

    long count(PostFilter filter) {
        return count(filter, Long.MAX_VALUE);
    }

    /** The matches, counted up to {@code limit} (which is the answer when there are more). */
    long count(PostFilter filter, long limit) {
        // a first count: one caller counts, the others with the same filter wait for its result rather than count too
        return filter.perAuthor()
                ? countNow(filter, limit)
                : shared.get(new Shared(filter, limit)).matches();
    }

    private long countNow(PostFilter filter, long limit) {
        String matches = "select 1 from posts p" + filter.where();
        if (limit == Long.MAX_VALUE) {
            return jdbc.sql("select count(*) from (" + matches + ") m")
                    .params(filter.params())
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("select count(*) from (" + matches + " limit :countLimit) m")
                .params(filter.params())
                .param("countLimit", limit)
                .query(Long.class)
                .single();
    }

    private record Counted(long matches, long countedAt) {}

    /** A cache key equal for equal filters (their parameters compared by value, arrays by their elements). */
    private record Shared(PostFilter filter, long limit, List<Object> key) {

        Shared(PostFilter filter, long limit) {
            this(filter, limit, List.of(filter.key(), limit));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shared shared && key.equals(shared.key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }
}
