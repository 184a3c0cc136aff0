package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.posts.Cashtag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one post as its readers should see it: the posts-service's rows, and — while the post's writes are still on
 * their way ({@code posts.applied_writes} behind the gateway's count) — the post's unapplied events from the outbox
 * on top. One statement, so one snapshot: an event is either in the rows or in the overlay, never in both or
 * neither; and one round trip to the database for the post, one window of its comments and the few votes the
 * overlay needs (the caller's and those of the pending votes' authors, each by its primary key), never all of them:
 * the ratings are the projection's counters, so the answer does not grow with the comments or the votes. The post's
 * cashtags come from {@code post_cashtags}, or from its pending create or edit, which carries the whole set.
 */
@Repository
class PostProjection {

    private static final String LOAD = """
            with post as (
                select p.id, p.user_id, p.username, p.title, p.slug, p.content, p.preview, p.search_tags, p.rating,
                       p.comments_count, p.applied_writes, p.created_at, p.updated_at
                from posts p where p.id = :id),
            unapplied as (
                select o.seq, o.event_type, o.envelope from outbox o
                where o.message_key = :key
                  and coalesce((select applied_writes from post), -1) < :writes
                  and not exists (select 1 from posts_processed_events e where e.event_id = o.event_id)),
            voters as (
                select cast(:caller as uuid) as user_id
                union
                select cast(cast(u.envelope as jsonb) #>> '{payload,userId}' as uuid) from unapplied u
                where u.event_type in ('post-rated', 'comment-rated')),
            -- the window's keys from the (post_id, created_at, id) index alone, then just its rows
            window_keys as (
                select c.id from comments c where c.post_id = :id
                order by c.created_at, c.id offset :offset limit :limit),
            window_comments as (
                select c.id, c.user_id, c.username, c.payload, c.created_at, c.rating
                from window_keys k join comments c on c.id = k.id)
            select post.*,
                   array(select u.envelope from unapplied u order by u.seq) as pending,
                   (select json_agg(json_build_array(r.user_id, r.username, r.rate))
                    from post_ratings r where r.post_id = :id and r.user_id in (select user_id from voters)) as votes,
                   (select json_agg(json_build_array(c.id, c.user_id, c.username, c.payload, c.created_at, c.rating)
                                    order by c.created_at, c.id)
                    from window_comments c) as comments,
                   (select json_agg(json_build_array(r.comment_id, r.user_id, r.username, r.rate))
                    from comment_ratings r
                    where r.comment_id in (select id from window_keys)
                      and r.user_id in (select user_id from voters)) as comment_votes,
                   (select json_agg(json_build_array(t.symbol, t.coin_uuid, t.price_at_post)
                                    order by t.created_at, t.symbol)
                    from post_cashtags t where t.post_id = :id) as cashtags
            from (select 1) one left join post on true
            """;

    private final JdbcClient jdbc;
    private final EventJson events;
    private final JsonMapper json;

    PostProjection(JdbcClient jdbc, EventJson events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    /** @param caller whose votes the view holds (null: nobody's) */
    Optional<PostView> load(PostHeads.Head head, UUID caller, CommentWindow window) {
        return jdbc.sql(LOAD)
                .param("id", head.postId())
                .param("key", head.postId().toString())
                .param("writes", head.writes())
                .param("caller", caller)
                .param("offset", window.offset())
                .param("limit", window.pageSize())
                .query((rs, row) -> {
                    PostView view = rs.getObject("id") == null ? null : post(rs, window);
                    for (String pending : (String[]) rs.getArray("pending").getArray()) {
                        var envelope = events.read(pending);
                        view = PostView.apply(view, window, envelope.payload(), envelope.occurredAt());
                    }
                    return Optional.ofNullable(view);
                })
                .single();
    }

    /**
     * Whether the post has the comment, applied or still on its way, by the comment's primary key or the post's
     * pending events (the outbox is read only while the post's writes are behind, as in {@link #load}).
     */
    boolean hasComment(PostHeads.Head head, UUID commentId) {
        return jdbc.sql("""
                        select exists (select 1 from comments c where c.id = :commentId and c.post_id = :id)
                            or (coalesce((select p.applied_writes from posts p where p.id = :id), -1) < :writes
                                and exists (select 1 from outbox o
                                            where o.message_key = :key and o.event_type = 'comment-added'
                                              and cast(o.envelope as jsonb) #>> '{payload,commentId}' = :commentKey))
                        """)
                .param("id", head.postId())
                .param("key", head.postId().toString())
                .param("writes", head.writes())
                .param("commentId", commentId)
                .param("commentKey", commentId.toString())
                .query(Boolean.class)
                .single();
    }

    private PostView post(ResultSet rs, CommentWindow window) throws SQLException {
        PostView view = new PostView(window);
        view.id = rs.getObject("id", UUID.class);
        view.userId = rs.getObject("user_id", UUID.class);
        view.username = rs.getString("username");
        view.title = rs.getString("title");
        view.slug = rs.getString("slug");
        view.content = texts(rs.getArray("content"));
        view.preview = rs.getString("preview");
        view.searchTags = texts(rs.getArray("search_tags"));
        view.rating = rs.getInt("rating");
        view.commentsCount = rs.getInt("comments_count");
        view.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        view.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        List<Cashtag> cashtags = new ArrayList<>();
        for (JsonNode cashtag : rows(rs, "cashtags")) {
            cashtags.add(new Cashtag(
                    cashtag.get(0).asString(),
                    cashtag.get(1).asString(),
                    cashtag.get(2).asDouble()));
        }
        view.cashtags = cashtags;
        for (JsonNode vote : rows(rs, "votes")) {
            view.votes.put(
                    uuid(vote.get(0)),
                    new PostView.Vote(vote.get(1).asString(), vote.get(2).asString()));
        }
        Map<UUID, PostView.Comment> comments = new HashMap<>();
        for (JsonNode row : rows(rs, "comments")) {
            PostView.Comment comment = new PostView.Comment(
                    uuid(row.get(0)),
                    uuid(row.get(1)),
                    row.get(2).asString(),
                    row.get(3).asString(),
                    OffsetDateTime.parse(row.get(4).asString()).toInstant(),
                    row.get(5).asInt());
            comments.put(comment.id, comment);
            view.comments.add(comment);
        }
        for (JsonNode vote : rows(rs, "comment_votes")) {
            PostView.Comment comment = comments.get(uuid(vote.get(0)));
            if (comment != null) {
                comment.votes.put(
                        uuid(vote.get(1)),
                        new PostView.Vote(vote.get(2).asString(), vote.get(3).asString()));
            }
        }
        return view;
    }

    private Iterable<JsonNode> rows(ResultSet rs, String column) throws SQLException {
        String array = rs.getString(column);
        return array == null ? List.of() : json.readTree(array);
    }

    private static UUID uuid(JsonNode node) {
        return UUID.fromString(node.asString());
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
