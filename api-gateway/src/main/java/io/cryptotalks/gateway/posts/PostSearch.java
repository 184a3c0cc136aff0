package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The list (E21): filters and sorts from allow-lists only, full-text search on the posts-service's {@code search}
 * vector (GIN) with prefix matching and title-first ranking, an exact author filter, tags as any-of.
 */
@Repository
class PostSearch {

    static final int MAX_PAGE_SIZE = 100;
    private static final Map<String, String> ORDER_BY = Map.of(
            "createdat", "p.created_at", "title", "lower(p.title)", "rating", "p.rating", "rate", "p.rating",
            "comments", "p.comments_count");

    private final JdbcClient jdbc;

    PostSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Query(int page, int pageSize, String order, String orderBy, String searchQuery, String username,
                 UUID authorId, List<String> tags) {

        Query {
            if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw ApiError.BAD_REQUEST.exception("page must be 0 or more and pageSize 1 to " + MAX_PAGE_SIZE);
            }
            order = order.toUpperCase(Locale.ROOT);
            if (!order.equals("ASC") && !order.equals("DESC")) {
                throw ApiError.BAD_REQUEST.exception("order must be ASC or DESC");
            }
            if (!ORDER_BY.containsKey(orderBy.toLowerCase(Locale.ROOT))) {
                throw ApiError.BAD_REQUEST.exception("orderBy must be createdAt, title, rating or comments");
            }
        }
    }

    PostResponses.Page page(Query query) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        // a deletion is decided here at once: the list never shows a deleted post while the worker catches up
        where.add("not exists (select 1 from post_heads h where h.post_id = p.id and h.deleted_at is not null)");
        String tsQuery = tsQuery(query.searchQuery());
        if (tsQuery != null) {
            where.add("p.search @@ to_tsquery('simple', :tsQuery)");
            params.put("tsQuery", tsQuery);
        }
        if (query.username() != null && !query.username().isBlank()) {
            where.add("lower(p.username) = lower(:username)");
            params.put("username", query.username().trim());
        }
        if (query.authorId() != null) {
            where.add("p.user_id = :authorId");
            params.put("authorId", query.authorId());
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            where.add("p.search_tags && cast(:tags as varchar[])");
            params.put("tags", query.tags().toArray(String[]::new));
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String direction = query.order();
        String order = (tsQuery != null ? "ts_rank(p.search, to_tsquery('simple', :tsQuery)) desc, " : "")
                + ORDER_BY.get(query.orderBy().toLowerCase(Locale.ROOT)) + " " + direction + ", p.id " + direction;
        long count = jdbc.sql("select count(*) from posts p" + filter).params(params).query(Long.class).single();
        List<PostResponses.Summary> rows = jdbc.sql("""
                        select p.id, p.title, p.preview, p.slug, p.search_tags, p.username, p.created_at, p.rating,
                               p.comments_count
                        from posts p""" + filter + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .param("limit", query.pageSize())
                .param("offset", (long) query.page() * query.pageSize())
                .query((rs, row) -> new PostResponses.Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("preview"), rs.getString("slug"), PostProjection.texts(rs.getArray("search_tags")),
                        rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("rating"), rs.getInt("comments_count")))
                .list();
        return new PostResponses.Page(count, rows);
    }

    List<PostResponses.Tag> tags() {
        return jdbc.sql("select tag, posts from post_tags where posts > 0 order by posts desc, tag limit 200")
                .query(PostResponses.Tag.class).list();
    }

    /** Words of letters and digits only, each a prefix, all required: "bitc halv" → {@code bitc:* & halv:*}. */
    static String tsQuery(String searchQuery) {
        if (searchQuery == null) {
            return null;
        }
        String words = Arrays.stream(searchQuery.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).limit(8).map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
        return words.isEmpty() ? null : words;
    }
}
