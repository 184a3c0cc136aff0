package io.cryptotalks.posts.closing;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsFixtures;
import io.cryptotalks.posts.PostsServiceApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Closing an account, consumed from the users topic on the embedded Kafka: its content goes, the counters stay exact. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = PostsServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class ClosedAccountContentTests {

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventJson json;
    @Autowired JdbcClient jdbc;
    @Autowired MongoTemplate mongo;

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
        for (EventEnvelope envelope : new EventEnvelope[]{closed, closed, marker}) {
            kafka.send(Topics.USERS, envelope.aggregateId(), json.write(envelope)).get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(marker.eventId().toString(), Document.class, "informationlogs") != null);
        assertThat(fixtures.count("posts where id = ?", ownPost)).isZero();
        assertThat(fixtures.count("comments where post_id = ?", ownPost)).isZero();
        assertThat(fixtures.count("post_ratings where post_id = ?", ownPost)).isZero();
        assertThat(fixtures.count("comment_ratings where post_id = ?", ownPost)).isZero();
        for (String table : new String[]{"posts", "comments", "post_ratings", "comment_ratings"}) {
            assertThat(fixtures.count(table + " where user_id = ?", closing)).as(table).isZero();
        }
        assertThat(fixtures.count("comment_ratings where comment_id = ?", closingOnAdas)).isZero();
        assertThat(fixtures.commentsCount(adasPost)).isEqualTo(1);
        assertThat(fixtures.postRating(adasPost)).isEqualTo(1);
        assertThat(fixtures.commentRating(bobOnAdas)).isEqualTo(1);
        assertThat(fixtures.count("comment_ratings where comment_id = ?", bobOnAdas)).isEqualTo(1);
        Document log = mongo.findById(closed.eventId().toString(), Document.class, "informationlogs");
        assertThat(log.getString("message")).endsWith(
                "1 posts, 2 comments on other posts, 2 votes on other posts and comments.");
    }
}
