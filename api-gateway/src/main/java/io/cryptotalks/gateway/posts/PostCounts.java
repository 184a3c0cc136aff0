package io.cryptotalks.gateway.posts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * How many posts a list filter matches. Counting every match of a common search word or of the whole table costs
 * tens of milliseconds at 100k posts (the GIN bitmap still visits the heap), far more than the page itself, so a
 * count shared by many readers is reused for a few seconds: a list's {@code count} may lag new posts by that long,
 * its rows never do. One author's posts are few and counted exactly on every call ("my posts" right after a write).
 */
@Component
class PostCounts {

    static final Duration REUSED_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<List<Object>, Long> shared = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(REUSED_FOR).build();

    PostCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(PostFilter filter) {
        if (filter.perAuthor()) {
            return countNow(filter);
        }
        // one caller counts, the others with the same filter wait for its result rather than count too
        return shared.get(filter.key(), key -> countNow(filter));
    }

    private long countNow(PostFilter filter) {
        return jdbc.sql("select count(*) from posts p" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }
}
