package io.cryptotalks.posts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Posts, comments and votes written straight into the tables, the way the posts handlers write them (with counters); reads of the counters. */
public final class PostsFixtures {

    private final JdbcClient jdbc;

    public PostsFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID post(UUID author) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into posts (id, user_id, username, title, slug, content, preview)
                        values (?, ?, 'someone', ?, ?, '{text}', 'preview')""").params(id, author, "Title " + id, "title-" + id).update();
        return id;
    }

    public UUID comment(UUID postId, UUID author) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into comments (id, post_id, user_id, username, payload) values (?, ?, ?, 'someone', 'hi')")
                .params(id, postId, author)
                .update();
        jdbc.sql("update posts set comments_count = comments_count + 1 where id = ?")
                .param(postId)
                .update();
        return id;
    }

    public void votePost(UUID postId, UUID voter, char rate) {
        jdbc.sql("insert into post_ratings (post_id, user_id, username, rate) values (?, ?, 'someone', ?)")
                .params(postId, voter, String.valueOf(rate))
                .update();
        jdbc.sql("update posts set rating = rating + ? where id = ?")
                .params(rate == '+' ? 1 : -1, postId)
                .update();
    }

    public void voteComment(UUID commentId, UUID voter, char rate) {
        jdbc.sql("""
                        insert into comment_ratings (comment_id, post_id, user_id, username, rate)
                        select id, post_id, ?, 'someone', ? from comments where id = ?""").params(voter, String.valueOf(rate), commentId).update();
        jdbc.sql("update comments set rating = rating + ? where id = ?")
                .params(rate == '+' ? 1 : -1, commentId)
                .update();
    }

    public int postRating(UUID postId) {
        return jdbc.sql("select rating from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    public int commentsCount(UUID postId) {
        return jdbc.sql("select comments_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    public int commentRating(UUID commentId) {
        return jdbc.sql("select rating from comments where id = ?")
                .param(commentId)
                .query(Integer.class)
                .single();
    }

    public long appliedWrites(UUID postId) {
        return jdbc.sql("select applied_writes from posts where id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    /** How many posts carry the tag (0 when the tag has no row). */
    public int tagCount(String tag) {
        return jdbc.sql("select coalesce(sum(posts), 0) from post_tags where tag = ?")
                .param(tag)
                .query(Integer.class)
                .single();
    }

    public long count(String fromWhere, Object parameter) {
        return jdbc.sql("select count(*) from " + fromWhere)
                .param(parameter)
                .query(Long.class)
                .single();
    }
}
