package io.cryptotalks.posts.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsFixtures;
import io.cryptotalks.posts.PostsServiceApplication;
import io.cryptotalks.posts.TestEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Closing an account, consumed from the users topic on the embedded Kafka: its content goes, the counters stay exact. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = PostsServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class ClosedAccountContentTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InboundEvents inbound;

    @Test
    void theClosedAccountsPostsCommentsAndVotesGoAndEveryCounterStaysExact() throws Exception {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        UUID closing = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        // the closing user's post, with Ada's comment and votes on it
        UUID ownPost = fixtures.post(closing);
        UUID adaOnOwnPost = fixtures.comment(ownPost, ada);
        fixtures.votePost(ownPost, ada, '+');
        fixtures.voteComment(adaOnOwnPost, closing, '+');
        // Ada's post: comments by the closing user and by Bob, votes by both
        UUID adasPost = fixtures.post(ada);
        UUID closingOnAdas = fixtures.comment(adasPost, closing);
        fixtures.comment(adasPost, closing);
        UUID bobOnAdas = fixtures.comment(adasPost, bob);
        fixtures.votePost(adasPost, closing, '-');
        fixtures.votePost(adasPost, bob, '+');
        fixtures.voteComment(bobOnAdas, closing, '+');
        fixtures.voteComment(bobOnAdas, ada, '+');
        fixtures.voteComment(closingOnAdas, bob, '-');
        EventEnvelope closed = EventEnvelope.of(new UserAccountClosed(closing, "Closing"), Clock.systemUTC());
        EventEnvelope marker = EventEnvelope.of(new UserAccountClosed(closing, "Closing"), Clock.systemUTC());

        // the event twice (a redelivery), then a later event of the same key: all three consumed in order
        for (EventEnvelope envelope : new EventEnvelope[] {closed, closed, marker}) {
            kafka.send(Topics.USERS, envelope.aggregateId(), json.write(envelope))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(marker.eventId().toString(), Document.class, "informationlogs") != null);
        assertThat(fixtures.count("posts where id = ?", ownPost)).isZero();
        assertThat(fixtures.count("comments where post_id = ?", ownPost)).isZero();
        assertThat(fixtures.count("post_ratings where post_id = ?", ownPost)).isZero();
        assertThat(fixtures.count("comment_ratings where post_id = ?", ownPost)).isZero();
        for (String table : new String[] {"posts", "comments", "post_ratings", "comment_ratings"}) {
            assertThat(fixtures.count(table + " where user_id = ?", closing))
                    .as(table)
                    .isZero();
        }
        assertThat(fixtures.count("comment_ratings where comment_id = ?", closingOnAdas))
                .isZero();
        assertThat(fixtures.commentsCount(adasPost)).isEqualTo(1);
        assertThat(fixtures.postRating(adasPost)).isEqualTo(1);
        assertThat(fixtures.commentRating(bobOnAdas)).isEqualTo(1);
        assertThat(fixtures.count("comment_ratings where comment_id = ?", bobOnAdas))
                .isEqualTo(1);
        Document log = mongo.findById(closed.eventId().toString(), Document.class, "informationlogs");
        assertThat(log.getString("message"))
                .endsWith("1 posts, 2 comments on other posts, 2 votes on other posts and comments.");
    }

    @Test
    void theClosedAccountsPostsLeaveTheirTagsCounts() {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        TestEvents events = new TestEvents(json);
        UUID closing = UUID.randomUUID();
        String own = TestEvents.uniqueTag();
        String shared = TestEvents.uniqueTag();
        PostCreated first = TestEvents.newPost(closing, "First " + UUID.randomUUID(), List.of("a"), "p", own, shared);
        PostCreated second = TestEvents.newPost(closing, "Second " + UUID.randomUUID(), List.of("b"), "p", own);
        PostCreated others =
                TestEvents.newPost(UUID.randomUUID(), "Other " + UUID.randomUUID(), List.of("c"), "p", shared);
        for (PostCreated post : List.of(first, second, others)) {
            inbound.accept(events.record(post));
        }
        assertThat(fixtures.tagCount(own)).isEqualTo(2);
        assertThat(fixtures.tagCount(shared)).isEqualTo(2);

        inbound.accept(events.record(new UserAccountClosed(closing, "Closing")));

        assertThat(fixtures.count("post_tags where tag = ?", own)).isZero();
        assertThat(fixtures.tagCount(shared)).isEqualTo(1);
        inbound.accept(events.record(new PostDeleted(others.postId(), others.userId())));
        assertThat(fixtures.count("post_tags where tag = ?", shared)).isZero();
    }

    @Test
    void writesOfAClosedAccountThatArriveAfterTheClosingAreDropped() {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        TestEvents events = new TestEvents(json);
        UUID closing = UUID.randomUUID();
        UUID adasPost = fixtures.post(UUID.randomUUID());
        UUID adasComment = fixtures.comment(adasPost, UUID.randomUUID());
        int comments = fixtures.commentsCount(adasPost);

        inbound.accept(events.record(new UserAccountClosed(closing, "Closing")));
        // emitted before the closing, on the posts topic, applied after it
        PostCreated late = TestEvents.newPost(closing, "Late " + UUID.randomUUID(), List.of("a"), "p", "late");
        inbound.accept(events.record(late));
        inbound.accept(events.record(new CommentAdded(adasPost, UUID.randomUUID(), closing, "Closing", "late")));
        inbound.accept(events.record(new PostRated(adasPost, closing, "Closing", "+")));
        inbound.accept(events.record(new CommentRated(adasPost, adasComment, closing, "Closing", "-")));

        assertThat(fixtures.count("posts where id = ?", late.postId())).isZero();
        for (String table : new String[] {"posts", "comments", "post_ratings", "comment_ratings"}) {
            assertThat(fixtures.count(table + " where user_id = ?", closing))
                    .as(table)
                    .isZero();
        }
        assertThat(fixtures.commentsCount(adasPost)).isEqualTo(comments);
        assertThat(fixtures.postRating(adasPost)).isZero();
        assertThat(fixtures.commentRating(adasComment)).isZero();
    }
}
