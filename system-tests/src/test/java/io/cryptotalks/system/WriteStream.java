package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four writers, 30 posts and 30 comments each: the posts alternate between two gateways while the second is up, the
 * comments (on one post) go through the first only, so their count must come out exact. Then every post the API
 * answered 201 for is there once, no post is there twice, and the post's comment count equals the comments answered.
 */
final class WriteStream {

    static final int WRITERS = 4;
    static final int PER_WRITER = 30;

    private final RunningSystem system;
    private final List<Api> gateways;
    private final Users.User author;
    private final String marker = "stream" + System.nanoTime();
    private final AtomicBoolean secondGatewayUp = new AtomicBoolean(true);
    private final AtomicInteger comments = new AtomicInteger();
    private final List<String> createdIds = new CopyOnWriteArrayList<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private final List<Future<?>> work = new ArrayList<>();
    private String target;

    WriteStream(RunningSystem system, List<Api> gateways, Users.User author) {
        this.system = system;
        this.gateways = gateways;
        this.author = author;
    }

    WriteStream start() {
        target = gateways.get(0)
                .post(
                        "/api/posts/create",
                        PostsTests.post("Stream target " + System.nanoTime(), "scale"),
                        author.auth())
                .text("id");
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            work.add(writers.submit(() -> write(w)));
        }
        return this;
    }

    private void write(int writer) {
        for (int i = 0; i < PER_WRITER; i++) {
            Api gateway = gateways.get(secondGatewayUp.get() && (i + writer) % 2 == 1 ? 1 : 0);
            try {
                Api.Reply post = gateway.post(
                        "/api/posts/create", PostsTests.post(marker + " " + writer + " " + i, "scale"), author.auth());
                if (post.status() == 201) {
                    createdIds.add(post.text("id"));
                }
            } catch (UncheckedIOException stoppedMidRequest) {
                // its outcome is unknown to the client, as with any dropped connection
            }
            if (gateways.get(0)
                            .patch(
                                    "/api/posts/comment/" + target,
                                    Map.of("comment", "Note " + writer + "-" + i),
                                    author.auth())
                            .status()
                    == 200) {
                comments.incrementAndGet();
            }
        }
    }

    void awaitCreated(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> createdIds.size() >= count);
    }

    /** The balancer has noticed the second gateway is gone: from now on every write goes to the first. */
    void secondGatewayGone() {
        secondGatewayUp.set(false);
    }

    void finish() throws InterruptedException, ExecutionException {
        for (Future<?> future : work) {
            future.get();
        }
        writers.shutdown();
    }

    void assertAppliedOnce(Duration atMost) {
        await().atMost(atMost).untilAsserted(() -> {
            assertThat(count("select count(*) from posts where title like ?", marker + " %"))
                    .isBetween((long) createdIds.size(), (long) WRITERS * PER_WRITER);
            assertThat(count("select comments_count from posts where id = cast(? as uuid)", target))
                    .isEqualTo(comments.get());
        });
        assertThat(count("select count(*) from comments where post_id = cast(? as uuid)", target))
                .as("no comment applied twice")
                .isEqualTo(comments.get());
        assertThat(count("select count(*) - count(distinct title) from posts where title like ?", marker + " %"))
                .as("no post applied twice")
                .isZero();
        for (String id : createdIds) {
            assertThat(count("select count(*) from posts where id = cast(? as uuid)", id))
                    .as("post " + id)
                    .isEqualTo(1);
        }
    }

    /** Every title of this stream's posts starts with it. */
    String marker() {
        return marker;
    }

    String summary() {
        return createdIds.size() + " posts and " + comments.get() + " comments";
    }

    private long count(String sql, String param) {
        return system.database().sql(sql).param(param).query(Long.class).single();
    }
}
