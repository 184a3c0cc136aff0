package io.cryptotalks.posts.comments;

import io.cryptotalks.posts.authors.Renaming;
import io.cryptotalks.posts.post.Posts;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code comments} rows (oldest first by {@code created_at}), with the post's {@code comments_count} exact. */
@Component
public class Comments {

    private final JdbcClient jdbc;
    private final Posts posts;

    Comments(JdbcClient jdbc, Posts posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    /** @return false when the post is not there (nothing is written) */
    public boolean add(UUID postId, UUID commentId, UUID userId, String username, String payload, Instant at) {
        if (posts.lock(postId).isEmpty()) {
            return false;
        }
        int inserted = jdbc.sql("""
                        insert into comments (id, post_id, user_id, username, payload, created_at, updated_at)
                        values (:id, :postId, :userId, %s, :payload, :at, :at)
                        on conflict (id) do nothing""".formatted(Renaming.CURRENT_NAME))
                .param("id", commentId)
                .param("postId", postId)
                .param("userId", userId)
                .param("username", username)
                .param("payload", payload)
                .param("at", Posts.timestamp(at))
                .update();
        posts.countWrite(postId, 0, inserted);
        return true;
    }
}
