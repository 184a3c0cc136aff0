package io.cryptotalks.posts.ratings;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.posts.authors.Authors;
import io.cryptotalks.posts.authors.Renaming;
import io.cryptotalks.posts.post.Posts;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Votes are rows ({@code post_ratings}, {@code comment_ratings}: one per user and post or comment), with the toggle of
 * the original: no vote yet → the vote counts; the same sign again → the vote is withdrawn; the other sign → it flips.
 * The rating moves by what changed (+1/-1 per vote), as an increment in SQL, under the post's row lock. A vote on a
 * post that is gone is skipped; a vote on a missing comment of a live post is skipped too but counts as the post's
 * applied write (the gateway counted it). Both are logged, never retried.
 */
@Component
public class Votes {

    private static final Logger log = LoggerFactory.getLogger(Votes.class);

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Authors authors;

    Votes(JdbcClient jdbc, Posts posts, Authors authors) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.authors = authors;
    }

    public void postRated(PostRated event, EventEnvelope envelope) {
        if (!authors.open(event.userId(), envelope)) {
            return;
        }
        if (!ratePost(event.postId(), event.userId(), event.username(), event.rate(), envelope.occurredAt())) {
            log.warn("skipped {} {}: no post {}", envelope.type(), envelope.eventId(), event.postId());
        }
    }

    public void commentRated(CommentRated event, EventEnvelope envelope) {
        if (!authors.open(event.userId(), envelope)) {
            return;
        }
        Outcome outcome = rateComment(
                event.postId(),
                event.commentId(),
                event.userId(),
                event.username(),
                event.rate(),
                envelope.occurredAt());
        if (outcome != Outcome.APPLIED) {
            log.warn(
                    "skipped {} {}: {} (post {}, comment {})",
                    envelope.type(),
                    envelope.eventId(),
                    outcome == Outcome.NO_POST ? "no post" : "no such comment on the post",
                    event.postId(),
                    event.commentId());
        }
    }

    /** @return false when the post is not there */
    public boolean ratePost(UUID postId, UUID userId, String username, String rate, Instant at) {
        int sign = sign(rate);
        if (posts.lock(postId).isEmpty()) {
            return false;
        }
        posts.countWrite(postId, toggle(Ballot.POST, postId, postId, userId, username, rate, sign, at), 0);
        return true;
    }

    public Outcome rateComment(UUID postId, UUID commentId, UUID userId, String username, String rate, Instant at) {
        int sign = sign(rate);
        if (posts.lock(postId).isEmpty()) {
            return Outcome.NO_POST;
        }
        if (!jdbc.sql("select exists (select 1 from comments where id = ? and post_id = ?)")
                .params(commentId, postId)
                .query(Boolean.class)
                .single()) {
            posts.countWrite(postId, 0, 0);
            return Outcome.NO_COMMENT;
        }
        int delta = toggle(Ballot.COMMENT, commentId, postId, userId, username, rate, sign, at);
        jdbc.sql("update comments set rating = rating + ? where id = ?")
                .params(delta, commentId)
                .update();
        posts.countWrite(postId, 0, 0);
        return Outcome.APPLIED;
    }

    /**
     * The user's vote on {@code votedId} after {@code rate}, under the post's lock: the same sign is deleted, otherwise
     * the vote is inserted or flipped in one upsert. @return what the rating moves by
     */
    private int toggle(
            Ballot ballot, UUID votedId, UUID postId, UUID userId, String username, String rate, int sign, Instant at) {
        if (jdbc.sql("delete from " + ballot.table + " where " + ballot.voted + " = ? and user_id = ? and rate = ?")
                        .params(votedId, userId, rate)
                        .update()
                == 1) {
            return -sign;
        }
        boolean inserted = jdbc.sql(
                        """
                        insert into %1$s (%2$s, user_id, username, rate, created_at, updated_at)
                        values (%3$s, :userId, %5$s, :rate, :at, :at)
                        on conflict (%4$s, user_id) do update
                            set rate = excluded.rate, username = excluded.username, updated_at = excluded.updated_at
                        returning xmax = 0""".formatted(ballot.table, ballot.columns, ballot.values, ballot.voted, Renaming.CURRENT_NAME))
                .param("votedId", votedId)
                .param("postId", postId)
                .param("userId", userId)
                .param("username", username)
                .param("rate", rate)
                .param("at", Posts.timestamp(at))
                .query(Boolean.class)
                .single();
        return inserted ? sign : 2 * sign;
    }

    /** A rate other than "+" or "-" is a defect of the producer: no retry fixes it, so it is dead-lettered at once. */
    private static int sign(String rate) {
        return switch (rate == null ? "" : rate) {
            case "+" -> 1;
            case "-" -> -1;
            default -> throw new MalformedEventException("rate must be \"+\" or \"-\", not " + rate);
        };
    }

    public enum Outcome {
        APPLIED,
        NO_POST,
        NO_COMMENT
    }

    /** A votes table: one row per user and voted post or comment; comment votes also name their post. */
    private enum Ballot {
        POST("post_ratings", "post_id", "post_id", ":votedId"),
        COMMENT("comment_ratings", "comment_id", "comment_id, post_id", ":votedId, :postId");

        final String table;
        final String voted;
        final String columns;
        final String values;

        Ballot(String table, String voted, String columns, String values) {
            this.table = table;
            this.voted = voted;
            this.columns = columns;
            this.values = values;
        }
    }
}
