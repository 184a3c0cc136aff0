package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two of everything on one PostgreSQL and one Kafka: two gateways (a token from one works on the other, the sign-in
 * limit counts across both) and two members in each worker's consumer group. Midway through a stream of writes the
 * second instance of every service stops (its gateway mid-request, its workers mid-batch): nothing is lost, nothing
 * applies twice.
 */
class ScaleOutTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Users users = new Users();

    @Test
    void twoOfEverythingLoseNothingAndDoubleNothingWhenOneOfEachStops() throws Exception {
        try (RunningSystem.Replicas replicas = system.startReplicas()) {
            List<Api> gateways = List.of(new Api(system.gatewayUrl()), new Api(replicas.gatewayUrl()));

            Users.User author = users.signedIn("scale");
            Users.User victim = users.signedIn("scalevictim");
            String attacker = Users.newClient();
            for (int attempt = 0; attempt < 5; attempt++) {
                assertError(
                        gateways.get(attempt % 2)
                                .post(
                                        "/api/user/sign-in",
                                        Map.of("email", victim.email(), "password", "Gu3ss!wrong"),
                                        "X-Forwarded-For",
                                        attacker),
                        403,
                        "wrong-credentials");
            }
            assertError(
                    gateways.get(1)
                            .post(
                                    "/api/user/sign-in",
                                    Map.of("email", victim.email(), "password", Users.PASSWORD),
                                    "X-Forwarded-For",
                                    attacker),
                    429,
                    "too-many-requests");

            String target = gateways.get(1)
                    .post(
                            "/api/posts/create",
                            PostsTests.post("Scale target " + System.nanoTime(), "scale"),
                            author.auth())
                    .text("id");
            String marker = "scale" + System.nanoTime();
            AtomicBoolean secondGatewayUp = new AtomicBoolean(true);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger comments = new AtomicInteger();
            List<String> createdIds = new CopyOnWriteArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int w = writer;
                work.add(writers.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        // the balancer sends half of the writes to the second gateway while it is up
                        Api gateway = gateways.get(secondGatewayUp.get() && (i + w) % 2 == 1 ? 1 : 0);
                        try {
                            Api.Reply post = gateway.post(
                                    "/api/posts/create",
                                    PostsTests.post(marker + " " + w + " " + i, "scale"),
                                    author.auth());
                            if (post.status() == 201) {
                                created.incrementAndGet();
                                createdIds.add(post.text("id"));
                            }
                        } catch (UncheckedIOException stoppedMidRequest) {
                            // its outcome is unknown to the client, as with any dropped connection
                        }
                        // comments through the first gateway only: their count must come out exact
                        if (gateways.get(0)
                                        .patch(
                                                "/api/posts/comment/" + target,
                                                Map.of("comment", "Note " + w + "-" + i),
                                                author.auth())
                                        .status()
                                == 200) {
                            comments.incrementAndGet();
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> created.get() >= 30);
            secondGatewayUp.set(false);
            replicas.close();
            for (Future<?> future : work) {
                future.get();
            }
            writers.shutdown();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(system.database()
                                .sql("select count(*) from posts where title like ?")
                                .param(marker + " %")
                                .query(Long.class)
                                .single())
                        .isBetween((long) created.get(), 120L);
                assertThat(system.database()
                                .sql("select comments_count from posts where id = cast(? as uuid)")
                                .param(target)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(comments.get());
            });
            assertThat(system.database()
                            .sql("select count(*) from comments where post_id = cast(? as uuid)")
                            .param(target)
                            .query(Long.class)
                            .single())
                    .as("no comment applied twice")
                    .isEqualTo(comments.get());
            assertThat(system.database()
                            .sql("select count(*) - count(distinct title) from posts where title like ?")
                            .param(marker + " %")
                            .query(Long.class)
                            .single())
                    .as("no post applied twice")
                    .isZero();
            for (String id : createdIds) {
                assertThat(system.database()
                                .sql("select count(*) from posts where id = cast(? as uuid)")
                                .param(id)
                                .query(Long.class)
                                .single())
                        .as("post " + id)
                        .isEqualTo(1);
            }
            System.out.printf(
                    "scale-out: %d posts and %d comments written through two gateways, the second "
                            + "instance of every service stopped midway; all applied once%n",
                    created.get(), comments.get());
        }
    }
}
