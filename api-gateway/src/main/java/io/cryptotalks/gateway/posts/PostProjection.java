package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one post as its readers should see it: the posts-service's rows, and — while the post's writes are still on
 * their way ({@code posts.applied_writes} behind the gateway's count) — the post's unapplied events from the outbox
 * on top. One statement, so one snapshot: an event is either in the rows or in the overlay, never in both or
 * neither; and one round trip to the database for the post, its votes, its comments and theirs.
 */
@Repository
class PostProjection {

    private static final String LOAD = """
            select post.*, array(select o.envelope from outbox o
                                 where o.message_key = :key
                                   and coalesce(post.applied_writes, -1) < :writes
                                   and not exists (select 1 from posts_processed_events e where e.event_id = o.event_id)
                                 order by o.seq) as pending
            from (select 1) one left join lateral (
                select p.id, p.user_id, p.username, p.title, p.slug, p.content, p.preview, p.search_tags, p.rating,
                       p.applied_writes, p.created_at, p.updated_at,
                       (select json_agg(json_build_array(r.user_id, r.username, r.rate) order by r.created_at, r.user_id)
                        from post_ratings r where r.post_id = p.id) as votes,
                       (select json_agg(json_build_array(c.id, c.user_id, c.username, c.payload, c.created_at, c.rating)
                                        order by c.created_at, c.id)
                        from comments c where c.post_id = p.id) as comments,
                       (select json_agg(json_build_array(r.comment_id, r.user_id, r.username, r.rate)
                                        order by r.created_at, r.user_id)
                        from comment_ratings r where r.post_id = p.id) as comment_votes
                from posts p where p.id = :id) post on true
            """;

    private final JdbcClient jdbc;
    private final EventJson events;
    private final JsonMapper json;

    PostProjection(JdbcClient jdbc, EventJson events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    Optional<PostView> load(PostHeads.Head head) {
        return jdbc.sql(LOAD).param("id", head.postId()).param("key", head.postId().toString())
                .param("writes", head.writes())
                .query((rs, row) -> {
                    PostView view = rs.getObject("id") == null ? null : post(rs);
                    for (String pending : (String[]) rs.getArray("pending").getArray()) {
                        var envelope = events.read(pending);
                        view = PostView.apply(view, envelope.payload(), envelope.occurredAt());
                    }
                    return Optional.ofNullable(view);
                })
                .single();
    }

    private PostView post(ResultSet rs) throws SQLException {
        PostView view = new PostView();
        view.id = rs.getObject("id", UUID.class);
        view.userId = rs.getObject("user_id", UUID.class);
        view.username = rs.getString("username");
        view.title = rs.getString("title");
        view.slug = rs.getString("slug");
        view.content = texts(rs.getArray("content"));
        view.preview = rs.getString("preview");
        view.searchTags = texts(rs.getArray("search_tags"));
        view.rating = rs.getInt("rating");
        view.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        view.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        for (JsonNode vote : rows(rs, "votes")) {
            view.votes.put(uuid(vote.get(0)), new PostView.Vote(vote.get(1).asString(), vote.get(2).asString()));
        }
        Map<UUID, PostView.Comment> comments = new HashMap<>();
        for (JsonNode row : rows(rs, "comments")) {
            PostView.Comment comment = new PostView.Comment(uuid(row.get(0)), uuid(row.get(1)), row.get(2).asString(),
                    row.get(3).asString(), OffsetDateTime.parse(row.get(4).asString()).toInstant(), row.get(5).asInt());
            comments.put(comment.id, comment);
            view.comments.add(comment);
        }
        for (JsonNode vote : rows(rs, "comment_votes")) {
            PostView.Comment comment = comments.get(uuid(vote.get(0)));
            if (comment != null) {
                comment.votes.put(uuid(vote.get(1)), new PostView.Vote(vote.get(2).asString(), vote.get(3).asString()));
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
