package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.follows.Follows;
import io.cryptotalks.gateway.web.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The home feed (issue 10), fanned out on read: posts by the users the caller follows and posts with the tags they
 * follow (not their own), newest first, each once, a page after a {@link FeedCursor}. See {@link #query} for the two
 * ways a page is read; the fan-out is one statement of two branches, each reading only a page's worth of rows from an
 * index already in the newest-first order:
 * <ul>
 * <li>per followed author, the first {@code pageSize + 1} entries of {@code posts_user_created_idx}
 *   (user_id, created_at desc, id desc) after the cursor: one short index descent each;</li>
 * <li>the followed tags: the planner walks {@code posts_created_at_idx} newest first, checking the tags, when they are
 *   common, or takes the GIN index {@code posts_search_tags_idx} and sorts the few matches when they are rare.</li>
 * </ul>
 * The union (which drops a post found both ways) is cut to the page. Measured and justified in api-gateway/README.md
 * (home feed).
 */
@Repository
class PostFeed {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    /** The newest posts, followed or not, that the first try looks through before the page fans out. */
    static final int RECENT_WINDOW = 1_000;

    private final JdbcClient jdbc;
    private final Follows follows;

    PostFeed(JdbcClient jdbc, Follows follows) {
        this.jdbc = jdbc;
        this.follows = follows;
    }

    PostResponses.Feed page(UUID caller, String cursorText, Integer requestedPageSize) {
        int pageSize = requestedPageSize == null ? DEFAULT_PAGE_SIZE : requestedPageSize;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception("pageSize must be 1 to " + MAX_PAGE_SIZE);
        }
        FeedCursor cursor = cursorText == null || cursorText.isBlank() ? null : FeedCursor.parse(cursorText);
        Follows.Followed followed = follows.followedBy(caller);
        if (followed.isEmpty()) {
            return new PostResponses.Feed(List.of(), null, false);
        }
        List<PostResponses.Summary> rows = new ArrayList<>(query(caller, followed, cursor, pageSize + 1));
        boolean more = rows.size() > pageSize;
        if (more) {
            rows = rows.subList(0, pageSize);
        }
        String next = more ? FeedCursor.after(rows.get(rows.size() - 1)).text() : null;
        return new PostResponses.Feed(List.copyOf(rows), next, true);
    }

    /**
     * The page, in two tries. First the newest {@link #RECENT_WINDOW} posts after the cursor, filtered: following
     * many people or common tags (when fanning out costs most), the page is among them, and reading them in
     * {@code posts_created_at_idx} order stops as soon as the page is full. Only when it is not (few or quiet
     * follows) it fans out per author, which then means few authors to read.
     */
    private List<PostResponses.Summary> query(UUID caller, Follows.Followed followed, FeedCursor cursor, int window) {
        List<PostResponses.Summary> recent = recent(caller, followed, cursor, window);
        return recent.size() == window ? recent : fanOut(caller, followed, cursor, window);
    }

    private List<PostResponses.Summary> recent(UUID caller, Follows.Followed followed, FeedCursor cursor, int window) {
        List<String> sources = new ArrayList<>();
        if (!followed.users().isEmpty()) {
            sources.add("p.user_id = any(cast(:authors as uuid[]))");
        }
        if (!followed.tags().isEmpty()) {
            sources.add("(p.search_tags && cast(:tags as varchar[]) and p.user_id <> :caller)");
        }
        String sql = "select " + PostSearch.columns("p") + " from (select " + PostSearch.columns("p") + ", p.user_id"
                + " from posts p where true" + after(cursor) + " order by p.created_at desc, p.id desc limit :recent) p"
                + " where (" + String.join(" or ", sources) + ") and " + PostFilter.NOT_DELETED
                + " order by p.created_at desc, p.id desc limit :window";
        return bind(jdbc.sql(sql).param("recent", RECENT_WINDOW), caller, followed, cursor, window)
                .query((rs, row) -> PostSearch.summary(rs))
                .list();
    }

    private List<PostResponses.Summary> fanOut(UUID caller, Follows.Followed followed, FeedCursor cursor, int window) {
        List<String> branches = new ArrayList<>();
        if (!followed.users().isEmpty()) {
            branches.add("""
                    select a.id, a.created_at from unnest(cast(:authors as uuid[])) f(user_id)
                    cross join lateral (select p.id, p.created_at from posts p
                        where p.user_id = f.user_id%s and %s
                        order by p.created_at desc, p.id desc limit :window) a""".formatted(after(cursor), PostFilter.NOT_DELETED));
        }
        if (!followed.tags().isEmpty()) {
            branches.add("""
                    select * from (select p.id, p.created_at from posts p
                        where p.search_tags && cast(:tags as varchar[]) and p.user_id <> :caller%s and %s
                        order by p.created_at desc, p.id desc limit :window) t""".formatted(after(cursor), PostFilter.NOT_DELETED));
        }
        String sql = "select " + PostSearch.columns("r") + " from posts r join ("
                + "select c.id from (" + String.join(" union ", branches) + ") c"
                + " order by c.created_at desc, c.id desc limit :window) page on page.id = r.id"
                + " order by r.created_at desc, r.id desc";
        return bind(jdbc.sql(sql), caller, followed, cursor, window)
                .query((rs, row) -> PostSearch.summary(rs))
                .list();
    }

    private static String after(FeedCursor cursor) {
        return cursor == null ? "" : " and (p.created_at, p.id) < (cast(:at as timestamptz), cast(:atId as uuid))";
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, UUID caller, Follows.Followed followed, FeedCursor cursor, int window) {
        statement = statement.param("window", window);
        if (!followed.users().isEmpty()) {
            statement = statement.param(
                    "authors", followed.users().stream().map(UUID::toString).toArray(String[]::new));
        }
        if (!followed.tags().isEmpty()) {
            statement = statement
                    .param("tags", followed.tags().toArray(String[]::new))
                    .param("caller", caller);
        }
        if (cursor != null) {
            statement = statement.param("at", cursor.createdAtUtc()).param("atId", cursor.id());
        }
        return statement;
    }
}
