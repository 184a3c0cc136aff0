package io.cryptotalks.posts.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsFixtures;
import io.cryptotalks.posts.PostsServiceApplication;
import io.cryptotalks.posts.TestEvents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The original's toggle: a first vote counts, the same sign again withdraws it, the other sign flips it. */
@SpringBootTest(
        classes = PostsServiceApplication.class,
        properties = {PostsServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class VoteToggleTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    PostsFixtures fixtures;
    TestEvents events;
    UUID postId;
    final UUID ada = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();

    @BeforeEach
    void aPost() {
        fixtures = new PostsFixtures(jdbc);
        events = new TestEvents(json);
        PostCreated post =
                TestEvents.newPost(UUID.randomUUID(), "Votes " + UUID.randomUUID(), List.of("body"), "a preview");
        inbound.accept(events.record(post));
        postId = post.postId();
    }

    @Test
    void aPostVoteCountsIsWithdrawnBySameSignAndFlipsOnTheOther() {
        ratePost(ada, "+");
        assertThat(fixtures.postRating(postId)).isEqualTo(1);
        assertThat(postVote(ada)).containsExactly("+");

        ratePost(ada, "+");
        assertThat(fixtures.postRating(postId)).isZero();
        assertThat(postVote(ada)).isEmpty();

        ratePost(ada, "-");
        assertThat(fixtures.postRating(postId)).isEqualTo(-1);
        ratePost(ada, "+");
        assertThat(fixtures.postRating(postId)).isEqualTo(1);
        assertThat(postVote(ada)).containsExactly("+");

        ratePost(bob, "-");
        assertThat(fixtures.postRating(postId)).isZero();
        assertThat(fixtures.count("post_ratings where post_id = ?", postId)).isEqualTo(2);
        assertThat(fixtures.appliedWrites(postId)).isEqualTo(1 + 5);
    }

    @Test
    void aCommentVoteTogglesTheSameWay() {
        UUID commentId = UUID.randomUUID();
        inbound.accept(events.record(new CommentAdded(postId, commentId, bob, "Bob", "a comment")));

        rateComment(commentId, ada, "-");
        assertThat(fixtures.commentRating(commentId)).isEqualTo(-1);
        rateComment(commentId, ada, "+");
        assertThat(fixtures.commentRating(commentId)).isEqualTo(1);
        rateComment(commentId, bob, "+");
        assertThat(fixtures.commentRating(commentId)).isEqualTo(2);
        rateComment(commentId, ada, "+");
        assertThat(fixtures.commentRating(commentId)).isEqualTo(1);

        assertThat(fixtures.count("comment_ratings where comment_id = ?", commentId))
                .isEqualTo(1);
        assertThat(fixtures.postRating(postId)).isZero();
        assertThat(fixtures.appliedWrites(postId)).isEqualTo(1 + 1 + 4);
    }

    @Test
    void votesOnAMissingCommentOrADeletedPostAreSkippedNotRetried() {
        rateComment(UUID.randomUUID(), ada, "+");
        assertThat(fixtures.count("comment_ratings where post_id = ?", postId)).isZero();
        // the gateway counted the event for the post: it is applied, as nothing
        assertThat(fixtures.appliedWrites(postId)).isEqualTo(2);

        UUID commentId = UUID.randomUUID();
        inbound.accept(events.record(new CommentAdded(postId, commentId, bob, "Bob", "a comment")));
        inbound.accept(events.record(new PostDeleted(postId, UUID.randomUUID())));
        ratePost(ada, "+");
        rateComment(commentId, ada, "+");
        inbound.accept(events.record(new CommentAdded(postId, UUID.randomUUID(), bob, "Bob", "too late")));

        assertThat(fixtures.count("post_ratings where post_id = ?", postId)).isZero();
        assertThat(fixtures.count("comment_ratings where post_id = ?", postId)).isZero();
        assertThat(fixtures.count("comments where post_id = ?", postId)).isZero();
        assertThat(fixtures.count("posts where id = ?", postId)).isZero();
    }

    @Test
    void aRateOtherThanPlusOrMinusIsMalformed() {
        assertThatThrownBy(() -> ratePost(ada, "*")).isInstanceOf(MalformedEventException.class);
        assertThat(fixtures.appliedWrites(postId)).isEqualTo(1);
    }

    private void ratePost(UUID voter, String rate) {
        inbound.accept(events.record(new PostRated(postId, voter, "voter", rate)));
    }

    private void rateComment(UUID commentId, UUID voter, String rate) {
        inbound.accept(events.record(new CommentRated(postId, commentId, voter, "voter", rate)));
    }

    private List<String> postVote(UUID voter) {
        return jdbc.sql("select rate from post_ratings where post_id = ? and user_id = ?")
                .params(postId, voter)
                .query(String.class)
                .list();
    }
}
