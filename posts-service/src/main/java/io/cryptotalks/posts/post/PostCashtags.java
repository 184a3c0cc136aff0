package io.cryptotalks.posts.post;

import io.cryptotalks.common.events.posts.Cashtag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code post_cashtags} rows, written inside the caller's transaction after the post's row is locked. A coin keeps
 * the row (and so the price and time) of its first mention: a later edit that still names it changes nothing.
 */
@Component
public class PostCashtags {

    private final JdbcClient jdbc;

    PostCashtags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The post's whole set after a create or an edit: rows of coins no longer named go, new ones come. */
    void replace(UUID postId, List<Cashtag> cashtags, Instant at) {
        jdbc.sql("delete from post_cashtags where post_id = :postId and not coin_uuid = any(cast(:kept as varchar[]))")
                .param("postId", postId)
                .param("kept", cashtags.stream().map(Cashtag::coinUuid).toArray(String[]::new))
                .update();
        for (Cashtag cashtag : cashtags) {
            jdbc.sql("""
                            insert into post_cashtags (post_id, coin_uuid, symbol, price_at_post, created_at)
                            values (:postId, :coinUuid, :symbol, :price, :at)
                            on conflict (post_id, coin_uuid) do nothing""")
                    .param("postId", postId)
                    .param("coinUuid", cashtag.coinUuid())
                    .param("symbol", cashtag.symbol())
                    .param("price", cashtag.priceAtPost())
                    .param("at", Posts.timestamp(at))
                    .update();
        }
    }

    void delete(UUID postId) {
        jdbc.sql("delete from post_cashtags where post_id = ?").param(postId).update();
    }
}
