package io.cryptotalks.posts.post;

import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.posts.authors.Renaming;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code posts} rows, written inside the caller's transaction. Every write that belongs to a post first locks its
 * row ({@link #lock}), so the writes of one post are serialised even when they do not come from its partition (the
 * account closing, the demo data); counters change by increments in SQL. Each applied event of a post adds one to
 * {@code applied_writes}, which the gateway compares with the number of events it emitted for the post.
 */
@Component
public class Posts {

    /** The row's search vector, from the values the statement writes (function {@code posts_search}, migration V1_2). */
    private static final String SEARCH =
            "posts_search(:title, cast(:tags as varchar[]), :preview, cast(:content as text[]))";

    private final JdbcClient jdbc;
    private final PostTags tags;
    private final PostCashtags cashtags;

    Posts(JdbcClient jdbc, PostTags tags, PostCashtags cashtags) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.cashtags = cashtags;
    }

    /** @return false when a post with this id exists already (nothing is written) */
    public boolean create(NewPost post, Instant at) {
        List<String> tagSet = PostTags.distinct(post.searchTags());
        int inserted = jdbc.sql("""
                        insert into posts (id, user_id, username, title, slug, content, preview, search_tags,
                                           created_at, updated_at, applied_writes, search)
                        values (:id, :userId, %s, :title, :slug, cast(:content as text[]), :preview,
                                cast(:tags as varchar[]), :at, :at, 1, %s)
                        on conflict (id) do nothing""".formatted(Renaming.CURRENT_NAME, SEARCH))
                .param("id", post.id())
                .param("userId", post.userId())
                .param("username", post.username())
                .param("title", post.title())
                .param("slug", post.slug())
                .param("content", post.content().toArray(String[]::new))
                .param("preview", post.preview())
                .param("tags", tagSet.toArray(String[]::new))
                .param("at", timestamp(at))
                .update();
        if (inserted == 1) {
            tags.add(tagSet);
            cashtags.replace(post.id(), post.cashtags(), at);
        }
        return inserted == 1;
    }

    /**
     * The post's new state (title, slug, body, preview, tags, and its cashtags unless {@code postCashtags} is null: an
     * edit from before cashtags); @return the post as it was, empty when there is none
     */
    public Optional<LockedPost> update(
            UUID id,
            String title,
            String slug,
            List<String> content,
            String preview,
            List<String> searchTags,
            List<Cashtag> postCashtags,
            Instant at) {
        Optional<LockedPost> post = lock(id);
        if (post.isEmpty()) {
            return post;
        }
        List<String> tagSet = PostTags.distinct(searchTags);
        jdbc.sql("""
                        update posts set title = :title, slug = :slug, content = cast(:content as text[]),
                                         preview = :preview, search_tags = cast(:tags as varchar[]), search = %s,
                                         updated_at = :at, applied_writes = applied_writes + 1
                        where id = :id""".formatted(SEARCH))
                .param("id", id)
                .param("title", title)
                .param("slug", slug)
                .param("content", content.toArray(String[]::new))
                .param("preview", preview)
                .param("tags", tagSet.toArray(String[]::new))
                .param("at", timestamp(at))
                .update();
        tags.change(post.get().searchTags(), tagSet);
        if (postCashtags != null) {
            cashtags.replace(id, postCashtags, at);
        }
        return post;
    }

    /** The post with its comments and every vote on both (F9); @return the post as it was, empty when there is none */
    public Optional<LockedPost> delete(UUID id) {
        Optional<LockedPost> post = lock(id);
        if (post.isEmpty()) {
            return post;
        }
        jdbc.sql("delete from comment_ratings where post_id = ?").param(id).update();
        jdbc.sql("delete from comments where post_id = ?").param(id).update();
        jdbc.sql("delete from post_ratings where post_id = ?").param(id).update();
        cashtags.delete(id);
        jdbc.sql("delete from posts where id = ?").param(id).update();
        tags.remove(PostTags.distinct(post.get().searchTags()));
        return post;
    }

    /** Locks the post's row until the transaction ends; empty when there is no such post. */
    public Optional<LockedPost> lock(UUID id) {
        return jdbc.sql("select id, user_id, slug, search_tags from posts where id = ? for update")
                .param(id)
                .query((rs, n) -> new LockedPost(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        strings(rs.getArray(4))))
                .optional();
    }

    /**
     * One more applied event of the post, with what it changed on the post's counters.
     *
     * @param rating   added to {@code posts.rating}
     * @param comments added to {@code posts.comments_count}
     */
    public void countWrite(UUID id, int rating, int comments) {
        jdbc.sql("""
                        update posts set rating = rating + :rating, comments_count = comments_count + :comments,
                                         applied_writes = applied_writes + 1
                        where id = :id""")
                .param("id", id)
                .param("rating", rating)
                .param("comments", comments)
                .update();
    }

    public static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A post as a writer knows it before applying a change. */
    public record LockedPost(UUID id, UUID userId, String slug, List<String> searchTags) {}

    /** What creating a post writes; the counters start at zero. */
    public record NewPost(
            UUID id,
            UUID userId,
            String username,
            String title,
            String slug,
            List<String> content,
            String preview,
            List<String> searchTags,
            List<Cashtag> cashtags) {

        public NewPost {
            cashtags = cashtags == null ? List.of() : cashtags;
        }
    }
}
