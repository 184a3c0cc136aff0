package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mentions and notifications (issue 10): posts, comments, votes and follows through the gateway, the outbox, Kafka and
 * the users-service's notifications, read back through the gateway.
 */
class NotificationTests {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void mentionsCommentsRepliesVotesAndFollowsNotifyOnceEach() {
        Users.User author = users.signedIn("writer");
        Users.User named = users.signedIn("named");
        Users.User reader = users.signedIn("reader");

        Api.Reply created = api.post(
                "/api/posts/create",
                post(
                        "Mentions " + System.nanoTime(),
                        "Thanks @" + named.username().toUpperCase() + ", and @nobody" + System.nanoTime() + "."),
                author.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String postId = created.text("id");

        JsonNode mention = awaitNotifications(named, 1).get(0);
        assertThat(mention.get("type").asString()).isEqualTo("MENTION");
        assertThat(mention.get("actor").asString()).isEqualTo(author.username());
        assertThat(mention.get("postSlug").asString()).isEqualTo(created.text("slug"));
        assertThat(mention.get("read").asBoolean()).isFalse();
        assertThat(unread(named)).isEqualTo(1);

        // an edit that still mentions them notifies nobody again; the reader's comment after it is the barrier
        Map<String, Object> edit =
                Map.of("title", "Edited " + System.nanoTime(), "content", List.of("Thanks again @" + named.username()));
        assertThat(api.patch("/api/posts/update/" + postId, edit, author.auth()).status())
                .isEqualTo(200);
        comment(postId, "First!", reader);
        JsonNode commented = awaitNotifications(author, 1).get(0);
        assertThat(commented.get("type").asString()).isEqualTo("COMMENT");
        assertThat(commented.get("actor").asString()).isEqualTo(reader.username());
        assertThat(notifications(named)).as("not again on the edit").hasSize(1);

        // the named user comments: the author hears of a comment, the reader (in the thread) of a reply
        comment(postId, "Glad to help @" + reader.username(), named);
        List<JsonNode> readerSees = awaitNotifications(reader, 1);
        assertThat(readerSees.get(0).get("type").asString())
                .as("a mention beats a reply")
                .isEqualTo("MENTION");
        awaitNotifications(author, 2);
        comment(postId, "Me again", reader);
        assertThat(awaitNotifications(named, 2).get(0).get("type").asString()).isEqualTo("REPLY");
        assertThat(notifications(reader)).as("not told of their own comment").hasSize(1);

        // votes batch into one unread notification per post
        api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), named.auth());
        api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), reader.auth());
        api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), reader.auth());
        api.patch("/api/posts/rate/post/" + postId, Map.of("rate", "+"), author.auth());
        await().atMost(APPLIED).untilAsserted(() -> {
            JsonNode rating = notifications(author).get(0);
            assertThat(rating.get("type").asString()).isEqualTo("RATING");
            assertThat(rating.get("actors").asInt())
                    .as("two people, not four votes")
                    .isEqualTo(2);
        });
        assertThat(notifications(author)).hasSize(4);

        assertThat(api.patch("/api/user/follow/" + author.username(), "", reader.auth())
                        .status())
                .isEqualTo(200);
        JsonNode follow = awaitNotifications(author, 5).get(0);
        assertThat(follow.get("type").asString()).isEqualTo("FOLLOW");
        assertThat(follow.get("postId").isNull()).isTrue();
    }

    @Test
    void markingReadShowsAtOnceAndApplies() {
        Users.User author = users.signedIn("readme");
        Users.User fan = users.signedIn("fan");
        Users.User other = users.signedIn("other");
        String postId = api.post("/api/posts/create", post("Read me " + System.nanoTime(), "Hello"), author.auth())
                .text("id");
        comment(postId, "One", fan);
        comment(postId, "Two", other);
        List<JsonNode> rows = awaitNotifications(author, 2);
        assertThat(unread(author)).isEqualTo(2);

        long newest = rows.get(0).get("id").asLong();
        assertThat(api.patch("/api/notifications/read/" + newest, "", author.auth())
                        .text("message"))
                .isEqualTo("success");
        assertThat(unread(author)).as("read back at once").isEqualTo(1);
        assertThat(notifications(author).get(0).get("read").asBoolean()).isTrue();
        assertThat(api.patch("/api/notifications/read/" + newest, "", author.auth())
                        .status())
                .as("twice")
                .isEqualTo(200);

        assertThat(api.patch("/api/notifications/read-all", "", author.auth()).status())
                .isEqualTo(200);
        assertThat(unread(author)).isZero();
        await().atMost(APPLIED)
                .until(() -> system.database()
                                .sql("select count(*) from notifications where user_id = ? and not read")
                                .param(author.id())
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(unread(author)).isZero();

        comment(postId, "Three", fan);
        awaitNotifications(author, 3);
        assertThat(unread(author)).as("a later one is unread").isEqualTo(1);
        JsonNode page = api.get("/api/notifications/0/2", author.auth()).json();
        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(page.get("unread").asInt()).isEqualTo(1);
        assertThat(page.get("rows")).hasSize(2);
        assertThat(api.get("/api/notifications/1/2", author.auth()).json().get("rows"))
                .hasSize(1);
    }

    @Test
    void badRequestsAreRefusedWithClearCodes() {
        Users.User user = users.signedIn("strict");
        Users.User author = users.signedIn("owner");
        Users.User fan = users.signedIn("fan");
        String postId = api.post("/api/posts/create", post("Owned " + System.nanoTime(), "Hi"), author.auth())
                .text("id");
        comment(postId, "Hey", fan);
        long theirs = awaitNotifications(author, 1).get(0).get("id").asLong();

        assertError(api.get("/api/notifications/0/10"), 401, "invalid-token");
        assertError(api.get("/api/notifications/unread-count"), 401, "invalid-token");
        assertError(api.patch("/api/notifications/read/1", ""), 401, "invalid-token");
        assertError(api.patch("/api/notifications/read-all", ""), 401, "invalid-token");
        for (String bad : new String[] {"/-1/10", "/0/0", "/0/101", "/x/10", "/0/y"}) {
            assertError(api.get("/api/notifications" + bad, user.auth()), 400, "bad-request");
        }
        assertError(api.patch("/api/notifications/read/x", "", user.auth()), 400, "bad-request");
        assertError(api.patch("/api/notifications/read/" + theirs, "", user.auth()), 404, "notification-not-found");
        assertError(
                api.patch("/api/notifications/read/" + Long.MAX_VALUE, "", user.auth()), 404, "notification-not-found");
        assertThat(api.patch("/api/notifications/read-all", "", user.auth()).status())
                .as("none: fine")
                .isEqualTo(200);
        JsonNode empty = api.get("/api/notifications/0/10", user.auth()).json();
        assertThat(empty.get("rows")).isEmpty();
        assertThat(empty.get("count").asInt()).isZero();
    }

    @Test
    void anEmailAtMostOncePerThreadAnHourThroughTheDevMailbox() {
        Users.User author = users.signedIn("mailed");
        Users.User first = users.signedIn("first");
        Users.User second = users.signedIn("second");
        String postId = api.post("/api/posts/create", post("Mailed " + System.nanoTime(), "Hi"), author.auth())
                .text("id");

        comment(postId, "One", first);
        JsonNode mail = users.awaitMail(author.email(), "commented on your post");
        assertThat(mail.get("text").asString()).contains(first.username()).contains("/posts/");
        comment(postId, "Two", second);
        awaitNotifications(author, 2);
        assertThat(notificationEmails(author))
                .as("the second comment within the hour: no email")
                .isEqualTo(1);

        // another thread is another email
        api.post("/api/posts/create", post("Other " + System.nanoTime(), "Hey @" + author.username()), first.auth());
        users.awaitMail(author.email(), "mentioned you in");
        assertThat(notificationEmails(author)).isEqualTo(2);
    }

    @Test
    void preferencesReadBackAtOnceAndSilenceWhatIsTurnedOff() {
        Users.User quiet = users.signedIn("quiet");
        Users.User author = users.signedIn("loud");
        Users.User third = users.signedIn("third");
        JsonNode defaults =
                api.get("/api/notifications/preferences", quiet.auth()).json();
        assertThat(defaults.get("mentions").asBoolean()).isTrue();
        assertThat(defaults.get("emailReplies").asBoolean()).isTrue();

        Map<String, Object> prefs = new java.util.LinkedHashMap<>(Map.of(
                "comments",
                true,
                "replies",
                true,
                "mentions",
                false,
                "follows",
                true,
                "ratings",
                true,
                "emailMentions",
                true,
                "emailReplies",
                false));
        assertThat(api.put("/api/notifications/preferences", prefs, quiet.auth())
                        .status())
                .isEqualTo(200);
        JsonNode saved = api.get("/api/notifications/preferences", quiet.auth()).json();
        assertThat(saved.get("mentions").asBoolean()).as("read back at once").isFalse();
        assertThat(saved.get("emailReplies").asBoolean()).isFalse();
        await().atMost(APPLIED)
                .until(() -> system.database()
                                .sql("""
                        select count(*) from outbox o where o.message_key = ? and o.event_type = 'notification-preferences-changed'
                          and not exists (select 1 from users_processed_events p where p.event_id = o.event_id)""")
                                .param(quiet.id().toString())
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(api.get("/api/notifications/preferences", quiet.auth())
                        .json()
                        .get("mentions")
                        .asBoolean())
                .isFalse();

        String postId = api.post(
                        "/api/posts/create",
                        post("Quiet " + System.nanoTime(), "Hello @" + quiet.username()),
                        author.auth())
                .text("id");
        comment(postId, "In the thread", quiet);
        comment(postId, "Me too", third);
        JsonNode reply = awaitNotifications(quiet, 1).get(0);
        assertThat(reply.get("type").asString()).as("no mention: turned off").isEqualTo("REPLY");
        assertThat(notificationEmails(quiet)).as("no reply email: turned off").isZero();

        prefs.remove("ratings");
        assertError(api.put("/api/notifications/preferences", prefs, quiet.auth()), 400, "validation-error");
        assertError(api.put("/api/notifications/preferences", prefs), 401, "invalid-token");
        assertError(api.get("/api/notifications/preferences"), 401, "invalid-token");
    }

    private long notificationEmails(Users.User user) {
        return system.database()
                .sql("select count(*) from outgoing_messages where user_id = ? and idempotency_key like '%:notify:%'")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private void comment(String postId, String text, Users.User user) {
        Api.Reply reply = api.patch("/api/posts/comment/" + postId, Map.of("comment", text), user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private long unread(Users.User user) {
        return api.get("/api/notifications/unread-count", user.auth())
                .json()
                .get("unread")
                .asLong();
    }

    private List<JsonNode> notifications(Users.User user) {
        Api.Reply reply = api.get("/api/notifications/0/100", user.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        reply.json().get("rows").forEach(rows::add);
        return rows;
    }

    /** The user's notifications, newest first, once there are {@code count}. */
    private List<JsonNode> awaitNotifications(Users.User user, int count) {
        await().atMost(APPLIED).until(() -> notifications(user).size() >= count);
        List<JsonNode> rows = notifications(user);
        assertThat(rows).hasSize(count);
        return rows;
    }

    private static Map<String, Object> post(String title, String paragraph) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(PostsTests.post(title, "notes"));
        body.put("content", List.of(paragraph));
        return body;
    }
}
