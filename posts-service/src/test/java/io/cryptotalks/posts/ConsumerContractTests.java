package io.cryptotalks.posts;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The posts-service applies the recorded producer JSON of every event type it consumes. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = {PostsServiceApplication.CONFIG_NAME,
        "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    @Autowired InboundEvents inbound;
    @Autowired JdbcClient jdbc;
    @Autowired MongoTemplate mongo;

    @Test
    void appliesTheRecordedUserAccountClosed() {
        UUID userId = UUID.randomUUID();
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        fixtures.comment(fixtures.post(userId), userId);

        inbound.accept(RecordedEvents.record(Topics.USERS, "user-account-closed", userId));

        assertThat(fixtures.count("posts where user_id = ?", userId)).isZero();
        assertThat(fixtures.count("comments where user_id = ?", userId)).isZero();
        Document log = mongo.getCollection("informationlogs").find(new Document("userId", userId.toString())).first();
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo("CLOSE_ACC");
    }
}
