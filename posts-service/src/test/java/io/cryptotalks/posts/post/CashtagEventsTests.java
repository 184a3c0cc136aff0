package io.cryptotalks.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsFixtures;
import io.cryptotalks.posts.PostsServiceApplication;
import io.cryptotalks.posts.TestEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The posts-service writes a post's cashtags from its post-created and post-updated, with and without the field
 * (events from before cashtags), once however often an event is delivered, and deletes them with the post.
 */
@SpringBootTest(
        classes = PostsServiceApplication.class,
        properties = {PostsServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class CashtagEventsTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    final UUID author = UUID.randomUUID();
    final String btc = "btc-" + UUID.randomUUID();
    final String eth = "eth-" + UUID.randomUUID();

    @Test
    void aPostWithCashtagsRecordsThemOnceWithTheirPrices() {
        TestEvents events = new TestEvents(json);
        PostCreated post = post(List.of(new Cashtag("BTC", btc, 43000.5)));
        ConsumerRecord<String, String> created = events.record(post);

        inbound.accept(created);
        inbound.accept(created);

        assertThat(cashtags(post.postId())).containsExactly(Map.entry("BTC " + btc, 43000.5));
        assertThat(new PostsFixtures(jdbc).appliedWrites(post.postId())).isEqualTo(1);
    }

    @Test
    void anEditKeepsTheFirstPriceAddsNewCoinsAndDropsOnesNoLongerNamed() {
        TestEvents events = new TestEvents(json);
        PostCreated post = post(List.of(new Cashtag("BTC", btc, 100.0)));
        inbound.accept(events.record(post));

        ConsumerRecord<String, String> edit =
                events.record(updated(post, List.of(new Cashtag("BTC", btc, 999.0), new Cashtag("ETH", eth, 5.0))));
        inbound.accept(edit);
        inbound.accept(edit);
        assertThat(cashtags(post.postId()))
                .as("BTC keeps the price it was first named at; the redelivery applied nothing")
                .containsOnly(Map.entry("BTC " + btc, 100.0), Map.entry("ETH " + eth, 5.0));
        assertThat(new PostsFixtures(jdbc).appliedWrites(post.postId())).isEqualTo(2);

        inbound.accept(events.record(updated(post, List.of(new Cashtag("ETH", eth, 6.0)))));
        assertThat(cashtags(post.postId())).containsOnly(Map.entry("ETH " + eth, 5.0));

        inbound.accept(events.record(updated(post, null)));
        assertThat(cashtags(post.postId()))
                .as("an edit from before cashtags leaves them")
                .containsOnly(Map.entry("ETH " + eth, 5.0));

        inbound.accept(events.record(new PostDeleted(post.postId(), author)));
        assertThat(cashtags(post.postId())).isEmpty();
    }

    @Test
    void eventsFromBeforeCashtagsApply() {
        String recorded = RecordedEvents.json("post-created")
                .replaceAll(",\"cashtags\":\\[[^\\]]*\\]", "")
                .replace(RecordedEvents.RECORDED_USER_ID, author.toString());
        EventEnvelope envelope = json.read(recorded);
        UUID postId = ((PostCreated) envelope.payload()).postId();
        inbound.accept(RecordedEvents.record(Topics.POSTS, "post-deleted", author));

        inbound.accept(new ConsumerRecord<>(Topics.POSTS, 0, 0L, postId.toString(), recorded));

        assertThat(jdbc.sql("select count(*) from posts where id = ?")
                        .param(postId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(cashtags(postId)).isEmpty();
        inbound.accept(RecordedEvents.record(Topics.POSTS, "post-deleted", author));
    }

    @Test
    void closingTheAccountDeletesThePostsCashtags() {
        TestEvents events = new TestEvents(json);
        PostCreated post = post(List.of(new Cashtag("BTC", btc, 1.0)));
        inbound.accept(events.record(post));

        inbound.accept(events.record(new UserAccountClosed(author, "author")));

        assertThat(cashtags(post.postId())).isEmpty();
    }

    private PostCreated post(List<Cashtag> cashtags) {
        UUID id = UUID.randomUUID();
        return new PostCreated(
                id, author, "author", "Cashtags " + id, "post-" + id, List.of("$BTC"), "preview", List.of(), cashtags);
    }

    private static PostUpdated updated(PostCreated post, List<Cashtag> cashtags) {
        return new PostUpdated(
                post.postId(), post.title(), post.slug(), post.content(), post.preview(), List.of(), cashtags);
    }

    private Map<String, Double> cashtags(UUID postId) {
        Map<String, Double> rows = new java.util.TreeMap<>();
        jdbc.sql("select symbol, coin_uuid, price_at_post from post_cashtags where post_id = ?")
                .param(postId)
                .query((rs, row) -> Map.entry(rs.getString(1) + " " + rs.getString(2), rs.getDouble(3)))
                .list()
                .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        return rows;
    }
}
