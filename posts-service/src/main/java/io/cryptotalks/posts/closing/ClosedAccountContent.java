package io.cryptotalks.posts.closing;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.posts.authors.Authors;
import io.cryptotalks.posts.post.PostTags;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes (does not anonymise) what a closed account wrote, in the consumer's one transaction: its posts with all their
 * comments and ratings, and its comments and votes on other people's posts — taking each vote back out of the rating
 * it counted in, and each comment out of its post's {@code comments_count}, so the counters stay exact. The author
 * is marked closed first ({@link Authors}): their writes still on their way are then dropped, not applied.
 */
@Component
public class ClosedAccountContent implements EventHandler<UserAccountClosed> {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;
    private final PostTags tags;
    private final Authors authors;

    ClosedAccountContent(JdbcClient jdbc, ActionLogWriter actionLog, PostTags tags, Authors authors) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
        this.tags = tags;
        this.authors = authors;
    }

    @Override
    public void handle(UserAccountClosed event, EventEnvelope envelope) {
        UUID userId = event.userId();
        authors.close(userId, envelope.occurredAt());
        int posts = deleteOwnPosts(userId);
        int votes = withdrawCommentVotes(userId) + withdrawPostVotes(userId);
        int comments = deleteCommentsOnOtherPosts(userId);
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "CLOSE_ACC",
                "The content of user " + userId
                        + " was deleted (account closed): " + posts + " posts, " + comments
                        + " comments on other posts, " + votes + " votes on other posts and comments.",
                userId.toString(),
                envelope.occurredAt()));
    }

    /**
     * The user's posts and everything on them (other people's comments and votes there go with the post), and the
     * posts out of their tags' counts. The posts are locked first, as every write of a post does, so a comment or vote
     * being applied to one of them either lands before (and goes with it) or finds the post gone.
     */
    private int deleteOwnPosts(UUID userId) {
        jdbc.sql("select id from posts where user_id = ? order by id for update")
                .param(userId)
                .query(UUID.class)
                .list();
        tags.remove(jdbc.sql("""
                        select t.tag from posts p cross join lateral (select distinct unnest(p.search_tags) as tag) t
                        where p.user_id = ?""").param(userId).query(String.class).list());
        jdbc.sql("delete from comment_ratings where post_id in (select id from posts where user_id = ?)")
                .param(userId)
                .update();
        jdbc.sql("delete from comments where post_id in (select id from posts where user_id = ?)")
                .param(userId)
                .update();
        jdbc.sql("delete from post_cashtags where post_id in (select id from posts where user_id = ?)")
                .param(userId)
                .update();
        jdbc.sql("delete from post_ratings where post_id in (select id from posts where user_id = ?)")
                .param(userId)
                .update();
        return jdbc.sql("delete from posts where user_id = ?").param(userId).update();
    }

    /** The user's votes on comments (only other posts' remain): each comment's rating loses what the vote added. */
    private int withdrawCommentVotes(UUID userId) {
        return withdrawVotes(userId, "comment_ratings", "comment_id", "comments");
    }

    /** The user's votes on other posts: each post's rating loses what the vote added. */
    private int withdrawPostVotes(UUID userId) {
        return withdrawVotes(userId, "post_ratings", "post_id", "posts");
    }

    /** {@code votes} holds one row per voter and {@code votedId} of {@code rated}, whose {@code rating} sums them. */
    private int withdrawVotes(UUID userId, String votes, String votedId, String rated) {
        jdbc.sql("""
                        update %3$s r set rating = r.rating - v.delta, updated_at = now()
                        from (select %2$s, sum(case rate when '+' then 1 else -1 end) as delta
                              from %1$s where user_id = ? group by %2$s) v
                        where r.id = v.%2$s
                        """.formatted(votes, votedId, rated)).param(userId).update();
        return jdbc.sql("delete from " + votes + " where user_id = ?")
                .param(userId)
                .update();
    }

    /** The user's comments on other posts, with the votes others gave them; each post counts one comment less. */
    private int deleteCommentsOnOtherPosts(UUID userId) {
        jdbc.sql("delete from comment_ratings where comment_id in (select id from comments where user_id = ?)")
                .param(userId)
                .update();
        jdbc.sql("""
                        update posts p set comments_count = p.comments_count - c.n, updated_at = now()
                        from (select post_id, count(*) as n from comments where user_id = ? group by post_id) c
                        where p.id = c.post_id
                        """).param(userId).update();
        return jdbc.sql("delete from comments where user_id = ?").param(userId).update();
    }
}
