package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The live streams (issue 10) over real sockets: notifications pushed by the users-service's notices through Kafka to
 * the gateway instance holding the stream, resumed with Last-Event-ID, repaired when a notice is lost; a post page's
 * new comments and scores.
 */
class LiveTests {

    private static final Duration APPLIED = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(1);

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void aNotificationArrivesWithinASecondOfItsRowOnAnotherGatewayAndResumesAfterADrop() throws Exception {
        Users.User author = users.signedIn("live");
        Users.User fan = users.signedIn("fan");
        String postId = createPost(author, "Live " + System.nanoTime());

        try (ConfigurableApplicationContext second = system.startSecondGateway()) {
            // the stream on the second gateway, the comment through the first
            EventStream stream =
                    EventStream.open(RunningSystem.urlOf(second, "/api/notifications/stream"), author.auth());
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            EventStream.Event hello = stream.await(APPLIED, "unread", unread -> true);
            assertThat(hello.json().get("unread").asLong()).isZero();
            assertThat(hello.id()).as("a position to resume from").isNotBlank();

            comment(postId, "Hi there", fan);
            Instant committed = awaitRow(author, "COMMENT");
            EventStream.Event pushed = stream.await(
                    LIVE.plus(Duration.between(committed, Instant.now())),
                    "notification",
                    row -> row.get("type").asString().equals("COMMENT"));
            long lateness = Duration.between(committed, pushed.received()).toMillis();
            System.out.printf("live: notification pushed %d ms after its row was seen committed%n", lateness);
            assertThat(lateness).isLessThanOrEqualTo(LIVE.toMillis());
            assertThat(pushed.json().get("actor").asString()).isEqualTo(fan.username());
            assertThat(pushed.json().get("postId").asString()).isEqualTo(postId);
            stream.await(LIVE, "unread", unread -> unread.get("unread").asLong() == 1);

            // the connection drops; meanwhile someone follows; the reconnect gets it first, then the count
            stream.close();
            String last = stream.events().getLast().id();
            assertThat(api.patch("/api/user/follow/" + author.username(), "", fan.auth())
                            .status())
                    .isEqualTo(200);
            awaitRow(author, "FOLLOW");
            try (EventStream resumed = EventStream.open(
                    RunningSystem.urlOf(second, "/api/notifications/stream"),
                    concat(author.auth(), "Last-Event-ID", last))) {
                resumed.await(APPLIED, "unread", unread -> unread.get("unread").asLong() == 2);
                List<EventStream.Event> replayed = resumed.events().stream()
                        .filter(event -> event.name().equals("notification"))
                        .toList();
                assertThat(replayed).as("only what changed after the last id").hasSize(1);
                assertThat(replayed.getFirst().json().get("type").asString()).isEqualTo("FOLLOW");

                // read on another tab (the first gateway): the stream hears it, with the count
                long id = replayed.getFirst().json().get("id").asLong();
                assertThat(api.patch("/api/notifications/read/" + id, "", author.auth())
                                .status())
                        .isEqualTo(200);
                resumed.await(
                        APPLIED,
                        "notification",
                        row -> row.get("id").asLong() == id && row.get("read").asBoolean());
                resumed.await(APPLIED, "unread", unread -> unread.get("unread").asLong() == 1);
            }
        }
    }

    @Test
    void aLostNoticeIsRepairedByTheKeepAliveAndSigningOutEndsTheStream() {
        Users.User user = users.signedIn("repair");
        Users.User actor = users.signedIn("actor");
        try (EventStream stream = EventStream.open(system.gatewayUrl() + "/api/notifications/stream", user.auth())) {
            stream.await(APPLIED, "unread", unread -> unread.get("unread").asLong() == 0);
            // a row no notice announces (as if the notice were lost on its way)
            system.database().sql("""
                            insert into notifications (user_id, type, actor_id, created_at, updated_at)
                            values (?, 'FOLLOW', ?, now(), now())""").params(user.id(), actor.id()).update();
            stream.await(
                    Duration.ofSeconds(10),
                    "notification",
                    row -> row.get("type").asString().equals("FOLLOW"));
            stream.await(LIVE, "unread", unread -> unread.get("unread").asLong() == 1);

            assertThat(api.get("/api/user/logout", user.auth()).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);
        }
        assertError(api.get("/api/notifications/stream", user.auth()), 401, "session-has-expired");
    }

    @Test
    void anOpenPostPageHearsNewCommentsAndScores() {
        Users.User author = users.signedIn("page");
        Users.User reader = users.signedIn("reader");
        String postId = createPost(author, "Page " + System.nanoTime());
        String commentId;
        try (EventStream page = EventStream.open(system.gatewayUrl() + "/api/posts/stream/" + postId)) {
            assertThat(page.status()).as("anonymous readers too").isEqualTo(200);
            comment(postId, "Live comment", reader);
            EventStream.Event comment = page.await(APPLIED, "comment", row -> true);
            assertThat(comment.json().get("payload").asString()).isEqualTo("Live comment");
            assertThat(comment.json().get("username").asString()).isEqualTo(reader.username());
            commentId = comment.json().get("id").asString();

            api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), reader.auth());
            page.await(APPLIED, "post-score", score -> score.get("rating").asInt() == 1);
            api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), reader.auth());
            page.await(APPLIED, "post-score", score -> score.get("rating").asInt() == 0);
            api.patch("/api/posts/rate/comment/" + postId + "/" + commentId, Map.of("rate", "-"), author.auth());
            page.await(
                    APPLIED,
                    "comment-score",
                    score -> score.get("commentId").asString().equals(commentId)
                            && score.get("rating").asInt() == -1);

            assertThat(api.delete("/api/posts/delete/" + postId, author.auth()).status())
                    .isEqualTo(200);
            await().atMost(APPLIED).until(page::ended);
        }
    }

    @Test
    void badStreamRequestsAreRefusedWithClearCodes() {
        Users.User user = users.signedIn("stream");
        assertError(api.get("/api/notifications/stream"), 401, "invalid-token");
        assertError(
                api.get("/api/notifications/stream", concat(user.auth(), "Last-Event-ID", "x")), 400, "bad-request");
        assertError(
                api.get("/api/notifications/stream", concat(user.auth(), "Last-Event-ID", "-1")), 400, "bad-request");
        assertError(api.get("/api/posts/stream/" + UUID.randomUUID()), 404, "post-not-found");
        assertError(api.get("/api/posts/stream/not-a-uuid"), 400, "bad-request");
    }

    private String createPost(Users.User author, String title) {
        Api.Reply created = api.post("/api/posts/create", PostsTests.post(title, "live"), author.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private void comment(String postId, String text, Users.User user) {
        Api.Reply reply = api.patch("/api/posts/comment/" + postId, Map.of("comment", text), user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** When the users-service's notification of this type for the user was first seen committed. */
    private Instant awaitRow(Users.User user, String type) {
        await().atMost(APPLIED)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> system.database()
                        .sql("select exists (select 1 from notifications where user_id = ? and type = ?)")
                        .params(user.id(), type)
                        .query(Boolean.class)
                        .single());
        return Instant.now();
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
