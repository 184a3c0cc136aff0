package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
 * on top. One REPEATABLE READ snapshot, so an event is either in the rows or in the overlay, never in both or neither.
 */
@Repository
class PostProjection {

    private final JdbcClient jdbc;
    private final EventJson json;
    private final TransactionTemplate snapshot;

    PostProjection(JdbcClient jdbc, EventJson json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    Optional<PostView> load(PostHeads.Head head) {
        return Optional.ofNullable(snapshot.execute(status -> {
            long[] applied = {0};
            PostView view = jdbc.sql("""
                            select id, user_id, username, title, slug, content, preview, search_tags, rating,
                                   applied_writes, created_at, updated_at
                            from posts where id = :id
                            """)
                    .param("id", head.postId())
                    .query((rs, row) -> {
                        applied[0] = rs.getLong("applied_writes");
                        return post(rs);
                    })
                    .optional().orElse(null);
            if (view != null) {
                addVotesAndComments(view);
            }
            if (view == null || applied[0] < head.writes()) {
                for (EventEnvelope pending : pendingEvents(head.postId())) {
                    view = PostView.apply(view, pending.payload(), pending.occurredAt());
                }
            }
            return view;
        }));
    }

    private List<EventEnvelope> pendingEvents(UUID postId) {
        return jdbc.sql("""
                        select envelope from outbox o
                        where o.message_key = :key
                          and not exists (select 1 from posts_processed_events p where p.event_id = o.event_id)
                        order by o.seq
                        """)
                .param("key", postId.toString())
                .query((rs, row) -> json.read(rs.getString("envelope")))
                .list();
    }

    private void addVotesAndComments(PostView view) {
        jdbc.sql("select user_id, username, rate from post_ratings where post_id = :id order by created_at, user_id")
                .param("id", view.id)
                .query((rs, row) -> view.votes.put(rs.getObject("user_id", UUID.class),
                        new PostView.Vote(rs.getString("username"), rs.getString("rate"))))
                .list();
        Map<UUID, PostView.Comment> comments = new HashMap<>();
        jdbc.sql("select id, user_id, username, payload, rating, created_at from comments where post_id = :id order by created_at, id")
                .param("id", view.id)
                .query((rs, row) -> {
                    PostView.Comment comment = new PostView.Comment(rs.getObject("id", UUID.class),
                            rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("payload"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("rating"));
                    comments.put(comment.id, comment);
                    return view.comments.add(comment);
                })
                .list();
        jdbc.sql("select comment_id, user_id, username, rate from comment_ratings where post_id = :id order by created_at, user_id")
                .param("id", view.id)
                .query((rs, row) -> {
                    PostView.Comment comment = comments.get(rs.getObject("comment_id", UUID.class));
                    if (comment != null) {
                        comment.votes.put(rs.getObject("user_id", UUID.class),
                                new PostView.Vote(rs.getString("username"), rs.getString("rate")));
                    }
                    return comment;
                })
                .list();
    }

    private static PostView post(ResultSet rs) throws SQLException {
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
        return view;
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
