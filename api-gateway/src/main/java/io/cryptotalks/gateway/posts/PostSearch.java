package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list (E21): filters and sorts from allow-lists only, full-text search on the posts-service's {@code search}
 * vector (GIN) with prefix matching, title matches first, an exact author filter, tags as any-of. Every order ends
 * with the post id and has an index on exactly (key, id), so a page reads only its own rows — see {@link #plainPage}
 * and {@link SearchTier}.
 */
@Repository
class PostSearch {

    static final int MAX_PAGE_SIZE = 100;
    /** The most matches a search counts and pages through (as large search sites cap theirs). */
    static final long SEARCH_COUNT_LIMIT = 10_000;
    // the expression of the posts-service's posts_title_search_idx: finds the posts with the words in the title
    private static final String IN_TITLE = "to_tsvector('simple', p.title) @@ to_tsquery('simple', :tsQuery)";
    // the same test on one row, cheaper: the stored search vector weighs the title's words A (no title parsing per row)
    private static final String IN_TITLE_WEIGHTED = "p.search @@ to_tsquery('simple', :titleQuery)";
    private static final Map<String, String> ORDER_BY = Map.of(
            "createdat",
            "%s.created_at",
            "title",
            "lower(%s.title)",
            "rating",
            "%s.rating",
            "rate",
            "%s.rating",
            "comments",
            "%s.comments_count");

    private final JdbcClient jdbc;
    private final PostCounts counts;

    PostSearch(JdbcClient jdbc, PostCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    record Query(
            int page,
            int pageSize,
            String order,
            String orderBy,
            String searchQuery,
            String username,
            UUID authorId,
            List<String> tags) {

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

        /** The ORDER BY over the rows aliased {@code alias}: the chosen key, then the id, both in the chosen direction. */
        String orderOf(String alias) {
            return ORDER_BY.get(orderBy.toLowerCase(Locale.ROOT)).formatted(alias) + " " + order + ", " + alias + ".id "
                    + order;
        }

        long offset() {
            return (long) page * pageSize;
        }
    }

    PostResponses.Page page(Query query) {
        PostFilter filter = PostFilter.of(query);
        String tsQuery = tsQuery(query.searchQuery());
        return tsQuery == null ? plainPage(query, filter) : searchPage(query, filter, tsQuery);
    }

    List<PostResponses.Tag> tags() {
        return jdbc.sql("select tag, posts from post_tags where posts > 0 order by posts desc, tag limit 200")
                .query(PostResponses.Tag.class)
                .list();
    }

    /** How many live posts carry the tag, as the tag list counts them. */
    int postsWith(String tag) {
        return jdbc.sql("select posts from post_tags where tag = :tag")
                .param("tag", tag)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /**
     * Walks the (key, id) index for the page's ids alone — index-only, so a deep page's offset skips index entries,
     * not rows — and then reads those rows.
     */
    private PostResponses.Page plainPage(Query query, PostFilter filter) {
        long count = counts.count(filter);
        List<PostResponses.Summary> rows = jdbc.sql(
                        "select " + columns("r") + " from posts r where r.id in (select p.id from posts p"
                                + filter.where() + " order by " + query.orderOf("p") + " limit :limit offset :offset)"
                                + " order by " + query.orderOf("r"))
                .params(filter.params())
                .param("limit", query.pageSize())
                .param("offset", query.offset())
                .query((rs, row) -> summary(rs))
                .list();
        return new PostResponses.Page(count, rows);
    }

    /**
     * Posts with every word in the title first (found through the title's own GIN index), then those with the words
     * elsewhere; each tier in the chosen order. A search's count stops at {@link #SEARCH_COUNT_LIMIT}, and so do its
     * pages: counting every post that has a common word costs seconds at a million posts.
     */
    private PostResponses.Page searchPage(Query query, PostFilter filter, String tsQuery) {
        PostFilter matching = filter.and("p.search @@ to_tsquery('simple', :tsQuery)", "tsQuery", tsQuery);
        long count = counts.count(matching, SEARCH_COUNT_LIMIT);
        if (query.offset() >= SEARCH_COUNT_LIMIT) {
            return new PostResponses.Page(count, List.of());
        }
        PostFilter titled = filter.and(IN_TITLE, "tsQuery", tsQuery);
        long inTitle = counts.count(titled, SEARCH_COUNT_LIMIT);
        String titleQuery = tsQuery.replace(":*", ":*A");
        // many title matches are found by walking the order's index, testing each row: the cheaper test then
        PostFilter titledRows =
                inTitle > SearchTier.READ_ALL_UP_TO ? filter.and(IN_TITLE_WEIGHTED, "titleQuery", titleQuery) : titled;
        PostFilter elsewhere = matching.and("not " + IN_TITLE_WEIGHTED, "titleQuery", titleQuery);
        String branches = new SearchTier(1, titledRows, inTitle).sql(query) + " union all "
                + new SearchTier(2, elsewhere, count >= SEARCH_COUNT_LIMIT ? count : count - inTitle).sql(query);
        List<PostResponses.Summary> rows = jdbc.sql("select * from (" + branches + ") p order by p.tier, "
                        + query.orderOf("p") + " limit :limit offset :offset")
                .params(elsewhere.params())
                .param("window", query.offset() + query.pageSize())
                .param("limit", query.pageSize())
                .param("offset", query.offset())
                .query((rs, row) -> summary(rs))
                .list();
        return new PostResponses.Page(count, rows);
    }

    /** The columns of a list row, of the posts aliased {@code alias}. */
    static String columns(String alias) {
        return Arrays.stream(new String[] {
                    "id",
                    "title",
                    "preview",
                    "slug",
                    "search_tags",
                    "username",
                    "created_at",
                    "rating",
                    "comments_count"
                })
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    static PostResponses.Summary summary(ResultSet rs) throws SQLException {
        return new PostResponses.Summary(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("preview"),
                rs.getString("slug"),
                PostProjection.texts(rs.getArray("search_tags")),
                rs.getString("username"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("rating"),
                rs.getInt("comments_count"));
    }

    /** Words of letters and digits only, each a prefix, all required: "bitc halv" → {@code bitc:* & halv:*}. */
    static String tsQuery(String searchQuery) {
        if (searchQuery == null) {
            return null;
        }
        String words = Arrays.stream(searchQuery.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(8)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
        return words.isEmpty() ? null : words;
    }
}
