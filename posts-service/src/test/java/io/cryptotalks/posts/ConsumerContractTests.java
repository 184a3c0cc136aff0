package io.cryptotalks.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The posts-service applies the recorded producer JSON of every event type it consumes. The recorded post and comment
 * ids are fixed, so each test starts and ends without that post (applying a fresh recorded post-deleted).
 */
@SpringBootTest(
        classes = PostsServiceApplication.class,
        properties = {PostsServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    static final UUID RECORDED_POST = UUID.fromString("4b1f6a2e-7c3d-4e5f-9a0b-1c2d3e4f5a60");
    static final UUID RECORDED_COMMENT = UUID.fromString("9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c60");

    @Autowired
    InboundEvents inbound;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    final UUID userId = UUID.randomUUID();
    PostsFixtures fixtures;
    int bitcoinBefore;
    int miningBefore;

    @BeforeEach
    void withoutTheRecordedPost() {
        fixtures = new PostsFixtures(jdbc);
        inbound.accept(RecordedEvents.record(Topics.POSTS, "post-deleted", userId));
        bitcoinBefore = fixtures.tagCount("bitcoin");
        miningBefore = fixtures.tagCount("mining");
    }

    @AfterEach
    void removeTheRecordedPost() {
        inbound.accept(RecordedEvents.record(Topics.POSTS, "post-deleted", userId));
    }

    @Test
    void appliesTheRecordedUserAccountClosed() {
        UUID closing = UUID.randomUUID();
        fixtures.comment(fixtures.post(closing), closing);

        inbound.accept(RecordedEvents.record(Topics.USERS, "user-account-closed", closing));

        assertThat(fixtures.count("posts where user_id = ?", closing)).isZero();
        assertThat(fixtures.count("comments where user_id = ?", closing)).isZero();
        Document log = mongo.getCollection("informationlogs")
                .find(new Document("userId", closing.toString()))
                .first();
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo("CLOSE_ACC");
    }

    @Test
    void appliesTheRecordedPostCreated() {
        ConsumerRecord<String, String> created = apply("post-created");

        var post = jdbc.sql("""
                        select user_id, username, title, slug, content, preview, search_tags, created_at, rating,
                               comments_count, applied_writes, search @@ to_tsquery('simple', 'halv:*') as found
                        from posts where id = ?""").param(RECORDED_POST).query().singleRow();
        assertThat(post.get("user_id")).isEqualTo(userId);
        assertThat(post.get("username")).isEqualTo("JohnDoe");
        assertThat(post.get("title")).isEqualTo("Bitcoin halving explained");
        assertThat(post.get("slug")).isEqualTo("bitcoin-halving-explained");
        assertThat(array(post.get("content")))
                .containsExactly("## What halves", "Every 210,000 blocks the **block reward** halves.");
        assertThat(post.get("preview")).isEqualTo("What the halving is and why it matters.");
        assertThat(array(post.get("search_tags"))).containsExactly("bitcoin", "mining");
        assertThat(((java.sql.Timestamp) post.get("created_at")).toInstant())
                .isEqualTo(Instant.parse("2026-11-27T10:10:00Z"));
        assertThat(post.get("rating")).isEqualTo(0);
        assertThat(post.get("comments_count")).isEqualTo(0);
        assertThat(post.get("applied_writes")).isEqualTo(1L);
        assertThat(post.get("found")).isEqualTo(true);
        assertThat(fixtures.tagCount("bitcoin")).isEqualTo(bitcoinBefore + 1);
        assertThat(fixtures.tagCount("mining")).isEqualTo(miningBefore + 1);
        assertThat(cashtags()).containsExactly("BTC Qwsogvtv82FCd 43000.12");
        assertPostLog(created, "created the post " + RECORDED_POST + " (bitcoin-halving-explained)");
    }

    @Test
    void appliesTheRecordedPostUpdated() {
        apply("post-created");

        ConsumerRecord<String, String> updated = apply("post-updated");

        var post = jdbc.sql("select title, slug, content, preview, search_tags, applied_writes from posts where id = ?")
                .param(RECORDED_POST)
                .query()
                .singleRow();
        assertThat(post.get("title")).isEqualTo("Bitcoin halving, explained");
        assertThat(post.get("slug")).isEqualTo("bitcoin-halving-explained-2");
        assertThat(array(post.get("content")))
                .containsExactly("## What halves", "Every 210,000 blocks the block reward halves.");
        assertThat(post.get("preview")).isEqualTo("What the halving is.");
        assertThat(array(post.get("search_tags"))).containsExactly("bitcoin");
        assertThat(post.get("applied_writes")).isEqualTo(2L);
        assertThat(fixtures.tagCount("bitcoin")).isEqualTo(bitcoinBefore + 1);
        assertThat(fixtures.tagCount("mining")).isEqualTo(miningBefore);
        assertThat(jdbc.sql("select search @@ to_tsquery('simple', 'mining') from posts where id = ?")
                        .param(RECORDED_POST)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(cashtags()).containsExactly("BTC Qwsogvtv82FCd 43000.12", "ETH razxDUgYGNAdQ 2500.5");
        assertPostLog(updated, "updated the post " + RECORDED_POST + " (bitcoin-halving-explained-2)");
    }

    @Test
    void appliesTheRecordedCommentAdded() {
        apply("post-created");

        ConsumerRecord<String, String> commented = apply("comment-added");

        var comment = jdbc.sql(
                        "select post_id, user_id, username, payload, rating, created_at from comments where id = ?")
                .param(RECORDED_COMMENT)
                .query()
                .singleRow();
        assertThat(comment.get("post_id")).isEqualTo(RECORDED_POST);
        assertThat(comment.get("user_id")).isEqualTo(userId);
        assertThat(comment.get("username")).isEqualTo("JohnDoe");
        assertThat(comment.get("payload")).isEqualTo("Great write-up!");
        assertThat(comment.get("rating")).isEqualTo(0);
        assertThat(fixtures.commentsCount(RECORDED_POST)).isEqualTo(1);
        assertThat(fixtures.appliedWrites(RECORDED_POST)).isEqualTo(2);
        assertPostLog(commented, "commented on the post " + RECORDED_POST + " (comment " + RECORDED_COMMENT + ")");
        assertThat(mongo.findById(eventId(commented), Document.class, "informationlogs")
                        .getString("message"))
                .doesNotContain("Great write-up!");
    }

    @Test
    void appliesTheRecordedPostRated() {
        apply("post-created");

        apply("post-rated");

        assertThat(fixtures.postRating(RECORDED_POST)).isEqualTo(1);
        assertThat(jdbc.sql("select rate from post_ratings where post_id = ? and user_id = ?")
                        .params(RECORDED_POST, userId)
                        .query(String.class)
                        .single())
                .isEqualTo("+");
        assertThat(fixtures.appliedWrites(RECORDED_POST)).isEqualTo(2);
    }

    @Test
    void appliesTheRecordedCommentRated() {
        apply("post-created");
        apply("comment-added");

        apply("comment-rated");

        assertThat(fixtures.commentRating(RECORDED_COMMENT)).isEqualTo(-1);
        assertThat(jdbc.sql("select rate from comment_ratings where comment_id = ? and user_id = ?")
                        .params(RECORDED_COMMENT, userId)
                        .query(String.class)
                        .single())
                .isEqualTo("-");
        assertThat(fixtures.appliedWrites(RECORDED_POST)).isEqualTo(3);
    }

    @Test
    void appliesTheRecordedPostDeleted() {
        apply("post-created");
        apply("comment-added");
        apply("post-rated");
        apply("comment-rated");

        ConsumerRecord<String, String> deleted = apply("post-deleted");

        assertThat(fixtures.count("posts where id = ?", RECORDED_POST)).isZero();
        assertThat(fixtures.count("comments where post_id = ?", RECORDED_POST)).isZero();
        assertThat(fixtures.count("post_ratings where post_id = ?", RECORDED_POST))
                .isZero();
        assertThat(fixtures.count("comment_ratings where post_id = ?", RECORDED_POST))
                .isZero();
        assertThat(cashtags()).isEmpty();
        assertThat(fixtures.tagCount("bitcoin")).isEqualTo(bitcoinBefore);
        assertThat(fixtures.tagCount("mining")).isEqualTo(miningBefore);
        assertPostLog(deleted, "deleted the post " + RECORDED_POST + " (bitcoin-halving-explained)");
    }

    private List<String> cashtags() {
        return jdbc.sql("select symbol || ' ' || coin_uuid || ' ' || price_at_post from post_cashtags where post_id = ?"
                        + " order by symbol")
                .param(RECORDED_POST)
                .query(String.class)
                .list();
    }

    private ConsumerRecord<String, String> apply(String type) {
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.POSTS, type, userId);
        inbound.accept(record);
        return record;
    }

    private void assertPostLog(ConsumerRecord<String, String> record, String what) {
        Document log = mongo.findById(eventId(record), Document.class, "informationlogs");
        assertThat(log).isNotNull();
        assertThat(log.getString("event")).isEqualTo("POST");
        assertThat(log.getString("status")).isEqualTo("SUCCESS");
        assertThat(log.getString("userId")).isEqualTo(userId.toString());
        assertThat(log.getString("message")).isEqualTo("User " + userId + " has successfully " + what + ".");
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return record.value().replaceFirst("^\\{\"eventId\":\"([0-9a-f-]+)\".*$", "$1");
    }

    private static List<String> array(Object sqlArray) {
        try {
            return List.of((String[]) ((java.sql.Array) sqlArray).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
