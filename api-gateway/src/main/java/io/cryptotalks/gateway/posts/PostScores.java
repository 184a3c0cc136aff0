package io.cryptotalks.gateway.posts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A post's and a comment's rating as readers see them now (the rows with the pending votes laid over them): what a
 * live post page is sent after a vote, since a vote event says only who voted how, and a toggle's effect depends on
 * that voter's previous vote.
 */
@Component
class PostScores {

    private final PostHeads heads;
    private final PostProjection projection;
    private final JdbcClient jdbc;

    PostScores(PostHeads heads, PostProjection projection, JdbcClient jdbc) {
        this.heads = heads;
        this.projection = projection;
        this.jdbc = jdbc;
    }

    Optional<Integer> post(UUID postId) {
        return view(postId, new CommentWindow(0, 1)).map(view -> view.rating);
    }

    /** Empty for a comment the posts-service has not applied yet (its rating is then its first vote's, if any). */
    Optional<Integer> comment(UUID postId, UUID commentId) {
        // the comment's place among the post's comments, oldest first: the one-comment window that holds it
        Optional<Long> index = jdbc.sql("""
                        select count(c.id) from comments t
                        left join comments c on c.post_id = t.post_id and (c.created_at, c.id) < (t.created_at, t.id)
                        where t.id = :comment and t.post_id = :post group by t.id""")
                .param("comment", commentId)
                .param("post", postId)
                .query(Long.class)
                .optional();
        return index.filter(place -> place <= Integer.MAX_VALUE)
                .flatMap(place -> view(postId, new CommentWindow(place.intValue(), 1)))
                .flatMap(view -> view.comments.stream()
                        .filter(comment -> comment.id.equals(commentId))
                        .findFirst())
                .map(comment -> comment.rating);
    }

    private Optional<PostView> view(UUID postId, CommentWindow window) {
        return heads.byId(postId).filter(head -> !head.deleted()).flatMap(head -> projection.load(head, null, window));
    }
}
