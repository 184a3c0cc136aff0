package io.cryptotalks.posts.authors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.users.UserProfileUpdated;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsFixtures;
import io.cryptotalks.posts.PostsServiceApplication;
import io.cryptotalks.posts.TestEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/** A username change, consumed from the users topic on the embedded Kafka, renames the author everywhere. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = PostsServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class RenamingTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRenameReachesPostsCommentsVotesAndEventsThatWereStillOnTheirWay() throws Exception {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        UUID author = UUID.randomUUID();
        UUID post = fixtures.post(author);
        UUID otherPost = fixtures.post(UUID.randomUUID());
        fixtures.comment(otherPost, author);
        fixtures.votePost(otherPost, author, '+');
        String newName = "Renamed" + Long.toString(System.nanoTime(), 36);

        send(Topics.USERS, new UserProfileUpdated(author, newName, "Ada", "L", null, null, null, null, null, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(name("posts where id = ?", post)).isEqualTo(newName);
            assertThat(jdbc.sql("select distinct username from comments where user_id = ?")
                            .param(author)
                            .query(String.class)
                            .list())
                    .containsExactly(newName);
            assertThat(name("post_ratings where user_id = ?", author)).isEqualTo(newName);
        });

        // emitted with the old name before the rename, applied after it
        PostCreated late =
                TestEvents.newPost(author, "Late " + UUID.randomUUID(), List.of("Body"), "A preview text", "x");
        send(Topics.POSTS, late);
        send(Topics.POSTS, new CommentAdded(otherPost, UUID.randomUUID(), author, late.username(), "late comment"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(name("posts where id = ?", late.postId())).isEqualTo(newName);
            assertThat(fixtures.count("comments where user_id = ? and payload = 'late comment'", author))
                    .isOne();
        });
        assertThat(jdbc.sql("select distinct username from comments where user_id = ?")
                        .param(author)
                        .query(String.class)
                        .list())
                .containsExactly(newName);
    }

    private String name(String fromWhere, UUID id) {
        return jdbc.sql("select username from " + fromWhere)
                .param(id)
                .query(String.class)
                .single();
    }

    private void send(String topic, io.cryptotalks.common.events.DomainEvent event) throws Exception {
        EventEnvelope envelope = TestEvents.envelope(event);
        kafka.send(topic, envelope.aggregateId(), json.write(envelope)).get();
    }
}
