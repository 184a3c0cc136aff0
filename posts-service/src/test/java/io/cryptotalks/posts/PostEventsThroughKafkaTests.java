package io.cryptotalks.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ContextConfiguration;

/** The post events consumed from the embedded Kafka: exact counters under load, order and idempotence across restarts. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = PostsServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class PostEventsThroughKafkaTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aHundredVotesAndAHundredCommentsSentConcurrentlyCountExactly() throws Exception {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        PostCreated post =
                TestEvents.newPost(UUID.randomUUID(), "Busy " + UUID.randomUUID(), List.of("body"), "preview");
        send(TestEvents.envelope(post));
        List<DomainEvent> writes = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> {
            writes.add(new PostRated(post.postId(), UUID.randomUUID(), "voter" + i, i % 4 == 0 ? "-" : "+"));
            writes.add(
                    new CommentAdded(post.postId(), UUID.randomUUID(), UUID.randomUUID(), "user" + i, "comment " + i));
        });

        inParallel(writes.stream()
                .<Runnable>map(event -> () -> send(TestEvents.envelope(event)))
                .toList());

        await().atMost(PATIENCE).until(() -> appliedWrites(post.postId()) == 201);
        assertThat(fixtures.postRating(post.postId())).isEqualTo(75 - 25);
        assertThat(fixtures.count("post_ratings where post_id = ?", post.postId()))
                .isEqualTo(100);
        assertThat(fixtures.commentsCount(post.postId())).isEqualTo(100);
        assertThat(fixtures.count("comments where post_id = ?", post.postId())).isEqualTo(100);
    }

    /** Past the partition's ordering: the SQL itself keeps the counters exact when one post's events apply in parallel. */
    @Test
    void theCountersStayExactWhenOnePostsEventsApplyInParallel() throws Exception {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        TestEvents events = new TestEvents(json);
        PostCreated post =
                TestEvents.newPost(UUID.randomUUID(), "Contended " + UUID.randomUUID(), List.of("body"), "preview");
        inbound.accept(events.record(post));
        List<DomainEvent> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID changesMind = UUID.randomUUID();
            writes.add(new PostRated(post.postId(), changesMind, "twice" + i, "+"));
            writes.add(new PostRated(post.postId(), changesMind, "twice" + i, "+"));
            writes.add(new PostRated(post.postId(), UUID.randomUUID(), "once" + i, "-"));
            writes.add(new CommentAdded(post.postId(), UUID.randomUUID(), UUID.randomUUID(), "user" + i, "hi"));
        }

        inParallel(writes.stream()
                .<Runnable>map(event -> () -> inbound.accept(events.record(event)))
                .toList());

        // a vote and its withdrawal, in either order, leave nothing
        assertThat(fixtures.postRating(post.postId())).isEqualTo(-50);
        assertThat(fixtures.count("post_ratings where post_id = ?", post.postId()))
                .isEqualTo(50);
        assertThat(fixtures.commentsCount(post.postId())).isEqualTo(50);
        assertThat(fixtures.appliedWrites(post.postId())).isEqualTo(1 + 200);
    }

    @Test
    void createUpdateDeleteApplyInOrderOnceAcrossAStoppedConsumerAndRedeliveries() throws Exception {
        PostsFixtures fixtures = new PostsFixtures(jdbc);
        String oldTag = TestEvents.uniqueTag();
        String newTag = TestEvents.uniqueTag();
        PostCreated post = TestEvents.newPost(
                UUID.randomUUID(), "Draft " + UUID.randomUUID(), List.of("first"), "first preview", oldTag);
        UUID postId = post.postId();
        String newSlug = post.slug() + "-2";
        EventEnvelope created = TestEvents.envelope(post);
        EventEnvelope updated = TestEvents.envelope(new PostUpdated(
                postId, "Final " + UUID.randomUUID(), newSlug, List.of("second"), "second preview", List.of(newTag)));
        EventEnvelope commented =
                TestEvents.envelope(new CommentAdded(postId, UUID.randomUUID(), UUID.randomUUID(), "Ada", "first!"));
        EventEnvelope deleted = TestEvents.envelope(new PostDeleted(postId, post.userId()));
        EventEnvelope marker = TestEvents.envelope(new PostRated(postId, UUID.randomUUID(), "late", "+"));

        try {
            stopConsumer();
            // a producer retry: the same events twice, in their order
            for (EventEnvelope envelope : List.of(created, created, updated, updated, commented)) {
                send(envelope);
            }
            startConsumer();
            await().atMost(PATIENCE).until(() -> appliedWrites(postId) == 3);
            assertThat(jdbc.sql("select slug from posts where id = ?")
                            .param(postId)
                            .query(String.class)
                            .single())
                    .isEqualTo(newSlug);
            assertThat(fixtures.commentsCount(postId)).isEqualTo(1);
            assertThat(fixtures.tagCount(oldTag)).isZero();
            assertThat(fixtures.tagCount(newTag)).isEqualTo(1);

            stopConsumer();
            // the delete, then old events redelivered after it (a re-driven dead letter, a rewound offset)
            for (EventEnvelope envelope : List.of(deleted, created, updated, commented, marker)) {
                send(envelope);
            }
            startConsumer();
            await().atMost(PATIENCE).until(() -> processed(marker));
        } finally {
            startConsumer();
        }

        assertThat(fixtures.count("posts where id = ?", postId)).isZero();
        assertThat(fixtures.count("comments where post_id = ?", postId)).isZero();
        assertThat(fixtures.count("post_ratings where post_id = ?", postId)).isZero();
        assertThat(fixtures.tagCount(oldTag)).isZero();
        assertThat(fixtures.tagCount(newTag)).isZero();
        for (EventEnvelope envelope : List.of(created, updated, commented, deleted)) {
            Document log = mongo.findById(envelope.eventId().toString(), Document.class, "informationlogs");
            assertThat(log).as(envelope.type()).isNotNull();
            assertThat(log.getString("event")).isEqualTo("POST");
        }
    }

    /** Runs the tasks on 8 threads at once; fails with the first failure. */
    private static void inParallel(List<Runnable> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(tasks.stream()
                            .map(task -> CompletableFuture.runAsync(task, threads))
                            .toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            threads.shutdownNow();
        }
    }

    private void stopConsumer() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    }

    private void startConsumer() {
        listeners.getListenerContainers().stream()
                .filter(container -> !container.isRunning())
                .forEach(MessageListenerContainer::start);
    }

    private void send(EventEnvelope envelope) {
        try {
            kafka.send(Topics.POSTS, envelope.aggregateId(), json.write(envelope))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long appliedWrites(UUID postId) {
        return jdbc.sql("select coalesce(max(applied_writes), 0) from posts where id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    private boolean processed(EventEnvelope envelope) {
        return jdbc.sql("select exists (select 1 from posts_processed_events where event_id = ?)")
                .param(envelope.eventId())
                .query(Boolean.class)
                .single();
    }
}
