package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.market.CoinDirectory;
import io.cryptotalks.gateway.web.ApiError;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A coin page's posts: the newest posts that name the coin (by when they first named it), as list rows. The page's
 * keys come from the {@code (coin_uuid, created_at desc, post_id desc)} index of {@code post_cashtags} alone, then
 * just its rows. Like the other lists, a post shows here once the posts-service has applied it.
 */
@Repository
class CoinPosts {

    private final JdbcClient jdbc;
    private final CoinDirectory coins;

    CoinPosts(JdbcClient jdbc, CoinDirectory coins) {
        this.jdbc = jdbc;
        this.coins = coins;
    }

    PostResponses.Page page(String coinUuid, int page, int pageSize) {
        if (page < 0 || pageSize < 1 || pageSize > PostSearch.MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception(
                    "page must be 0 or more and pageSize 1 to " + PostSearch.MAX_PAGE_SIZE);
        }
        if (!coins.exists(coinUuid)) {
            throw ApiError.NO_CRYPTO.exception();
        }
        long count = jdbc.sql("select count(*) from post_cashtags where coin_uuid = :coin")
                .param("coin", coinUuid)
                .query(Long.class)
                .single();
        List<PostResponses.Summary> rows = jdbc.sql("select " + PostSearch.columns("p") + """
                         from (select t.post_id, t.created_at from post_cashtags t where t.coin_uuid = :coin
                              order by t.created_at desc, t.post_id desc limit :limit offset :offset) k
                        join posts p on p.id = k.post_id
                        order by k.created_at desc, k.post_id desc""")
                .param("coin", coinUuid)
                .param("limit", pageSize)
                .param("offset", (long) page * pageSize)
                .query((rs, row) -> PostSearch.summary(rs))
                .list();
        return new PostResponses.Page(count, rows);
    }
}
