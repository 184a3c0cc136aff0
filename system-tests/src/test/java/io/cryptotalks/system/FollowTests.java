package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Following users and tags, and the home feed (issue 10), through the gateway, the outbox, Kafka and the users-service. */
class FollowTests {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void followAndUnfollowReadBackAtOnceCountExactlyAndList() {
        Users.User fan = users.signedIn("fan");
        Users.User star = users.signedIn("star");

        assertThat(api.patch("/api/user/follow/" + star.username(), "", fan.auth())
                        .text("message"))
                .isEqualTo("success");
        JsonNode seenByFan = profile(star, fan);
        assertThat(seenByFan.get("followers").asInt()).as("read back at once").isEqualTo(1);
        assertThat(seenByFan.get("followedByYou").asBoolean()).isTrue();
        assertThat(seenByFan.get("followsYou").asBoolean()).isFalse();
        assertThat(profile(fan, fan).get("following").asInt())
                .as("the fan's own count at once")
                .isEqualTo(1);
        // the same follow again, in another case: one follow
        assertThat(api.patch("/api/user/follow/" + star.username().toUpperCase(), "", fan.auth())
                        .status())
                .isEqualTo(200);
        awaitApplied(fan);

        assertThat(profile(star, null).get("followers").asInt()).isEqualTo(1);
        assertThat(profile(star, null).get("followedByYou").asBoolean())
                .as("anonymous")
                .isFalse();
        assertThat(profile(fan, star).get("followsYou").asBoolean()).isTrue();
        assertThat(profile(fan, null).get("following").asInt()).isEqualTo(1);
        JsonNode followers =
                api.get("/api/user/followers/" + star.username() + "/0/10").json();
        assertThat(followers.get("count").asInt()).isEqualTo(1);
        assertThat(followers.get("rows").get(0).get("username").asString()).isEqualTo(fan.username());
        assertThat(followers.get("rows").get(0).get("followedAt").asString()).isNotBlank();
        JsonNode following =
                api.get("/api/user/following/" + fan.username() + "/0/10").json();
        assertThat(following.get("rows").get(0).get("username").asString()).isEqualTo(star.username());
        assertThat(api.get("/api/user/followers/" + fan.username() + "/0/10")
                        .json()
                        .get("count")
                        .asInt())
                .isZero();

        assertThat(api.delete("/api/user/follow/" + star.username(), fan.auth()).status())
                .isEqualTo(200);
        assertThat(profile(star, fan).get("followers").asInt())
                .as("an unfollow reads back at once")
                .isZero();
        assertThat(profile(star, fan).get("followedByYou").asBoolean()).isFalse();
        assertThat(api.delete("/api/user/follow/" + star.username(), fan.auth()).status())
                .as("again: fine")
                .isEqualTo(200);
        awaitApplied(fan);
        assertThat(profile(star, null).get("followers").asInt()).isZero();
        assertThat(profile(fan, null).get("following").asInt()).isZero();
        assertThat(api.get("/api/user/followers/" + star.username() + "/0/10")
                        .json()
                        .get("rows"))
                .isEmpty();
    }

    @Test
    void badFollowsAndPagesAreRefusedWithClearCodes() {
        Users.User user = users.signedIn("strictfan");
        String nobody = "nobody" + System.nanoTime();

        assertError(api.patch("/api/user/follow/" + user.username(), "", user.auth()), 400, "cannot-follow-yourself");
        assertError(api.delete("/api/user/follow/" + user.username(), user.auth()), 400, "cannot-follow-yourself");
        assertError(api.patch("/api/user/follow/" + nobody, "", user.auth()), 404, "user-not-found");
        assertError(api.delete("/api/user/follow/" + nobody, user.auth()), 404, "user-not-found");
        assertError(api.patch("/api/user/follow/" + user.username(), ""), 401, "invalid-token");
        assertError(api.get("/api/user/followers/" + nobody + "/0/10"), 404, "user-not-found");
        assertError(api.get("/api/user/following/" + nobody + "/0/10"), 404, "user-not-found");
        for (String bad : new String[] {"/-1/10", "/0/0", "/0/101", "/x/10", "/0/y"}) {
            assertError(api.get("/api/user/followers/" + user.username() + bad), 400, "bad-request");
            assertError(api.get("/api/user/following/" + user.username() + bad), 400, "bad-request");
        }

        assertError(api.patch("/api/posts/tags/" + "x".repeat(21) + "/follow", "", user.auth()), 400, "tag-length");
        assertError(api.patch("/api/posts/tags/bad_tag/follow", "", user.auth()), 400, "tag-length");
        assertError(api.delete("/api/posts/tags/bad_tag/follow", user.auth()), 400, "tag-length");
        assertError(api.get("/api/posts/tags/bad_tag"), 400, "tag-length");
        assertError(api.patch("/api/posts/tags/bitcoin/follow", ""), 401, "invalid-token");

        assertError(api.get("/api/posts/feed"), 401, "invalid-token");
        assertError(api.get("/api/posts/feed?pageSize=0", user.auth()), 400, "bad-request");
        assertError(api.get("/api/posts/feed?pageSize=101", user.auth()), 400, "bad-request");
        assertError(api.get("/api/posts/feed?pageSize=ten", user.auth()), 400, "bad-request");
        assertError(api.get("/api/posts/feed?cursor=not-a-cursor", user.auth()), 400, "bad-request");
        JsonNode empty = api.get("/api/posts/feed", user.auth()).json();
        assertThat(empty.get("rows")).isEmpty();
        assertThat(empty.get("followsAnything").asBoolean())
                .as("the empty state")
                .isFalse();
        assertThat(empty.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void tagFollowsCountOnTheTagPageAndReadBackAtOnce() {
        Users.User first = users.signedIn("tagfan");
        Users.User second = users.signedIn("tagfan");
        String tag = tag();

        JsonNode before =
                api.get("/api/posts/tags/" + tag.toUpperCase(), first.auth()).json();
        assertThat(before.get("tag").asString()).isEqualTo(tag);
        assertThat(before.get("posts").asInt()).isZero();
        assertThat(before.get("followers").asInt()).isZero();

        assertThat(api.patch("/api/posts/tags/" + tag + "/follow", "", first.auth())
                        .status())
                .isEqualTo(200);
        JsonNode mine = api.get("/api/posts/tags/" + tag, first.auth()).json();
        assertThat(mine.get("followers").asInt()).as("read back at once").isEqualTo(1);
        assertThat(mine.get("followedByYou").asBoolean()).isTrue();
        api.patch("/api/posts/tags/" + tag + "/follow", "", first.auth());
        api.patch("/api/posts/tags/" + tag + "/follow", "", second.auth());
        awaitApplied(first);
        awaitApplied(second);
        assertThat(api.get("/api/posts/tags/" + tag).json().get("followers").asInt())
                .as("twice is one")
                .isEqualTo(2);
        assertThat(api.get("/api/posts/tags/" + tag).json().get("followedByYou").asBoolean())
                .isFalse();

        api.delete("/api/posts/tags/" + tag + "/follow", first.auth());
        assertThat(api.get("/api/posts/tags/" + tag, first.auth())
                        .json()
                        .get("followers")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/posts/tags/" + tag, first.auth())
                        .json()
                        .get("followedByYou")
                        .asBoolean())
                .isFalse();
        awaitApplied(first);
        assertThat(api.get("/api/posts/tags/" + tag).json().get("followers").asInt())
                .isEqualTo(1);
    }

    @Test
    void theFeedHasFollowedAuthorsAndTagsNewestFirstEachOnceAndItsCursorIgnoresNewPosts() {
        Users.User reader = users.signedIn("reader");
        Users.User followed = users.signedIn("followed");
        Users.User other = users.signedIn("other");
        String tag = tag();
        String b1 = write(followed, tag);
        String o1 = write(other, tag);
        String o2 = write(other, "unrelated");
        String b2 = write(followed, "unrelated");
        String mine = write(reader, tag);
        awaitPosts(b1, o1, o2, b2, mine);

        api.patch("/api/user/follow/" + followed.username(), "", reader.auth());
        api.patch("/api/posts/tags/" + tag + "/follow", "", reader.auth());
        assertThat(ids(feedPage(reader, null, 10)))
                .as("the caller's follows apply to the feed at once")
                .containsExactly(b2, o1, b1);

        JsonNode first = feedPage(reader, null, 2);
        assertThat(ids(first)).containsExactly(b2, o1);
        String b3 = write(followed, "unrelated");
        awaitPosts(b3);
        JsonNode second = feedPage(reader, first.get("nextCursor").asString(), 2);
        assertThat(ids(second)).as("a new post shifts nothing after the cursor").containsExactly(b1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(ids(feedPage(reader, null, 10))).containsExactly(b3, b2, o1, b1);
        assertThat(feedPage(reader, null, 10).get("followsAnything").asBoolean())
                .isTrue();

        api.delete("/api/posts/tags/" + tag + "/follow", reader.auth());
        assertThat(ids(feedPage(reader, null, 10))).containsExactly(b3, b2, b1);
        api.delete("/api/user/follow/" + followed.username(), reader.auth());
        assertThat(feedPage(reader, null, 10).get("rows")).isEmpty();
    }

    /**
     * Authors write while the reader follows and unfollows them from several threads; once all is applied, the feed is
     * exactly the posts of the authors the reader ends up following, newest first, each once, and every counter is exact.
     */
    @Test
    void theFeedAndTheCountersAreExactWhenFollowsAndUnfollowsRaceNewPosts() throws Exception {
        Users.User reader = users.signedIn("racer");
        List<Users.User> authors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            authors.add(users.signedIn("racee"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> posts = new ArrayList<>();
        List<Future<Integer>> toggles = new ArrayList<>();
        try {
            for (Users.User author : authors) {
                for (int i = 0; i < 5; i++) {
                    posts.add(pool.submit(() -> write(author, "race")));
                }
            }
            for (int a = 0; a < authors.size(); a++) {
                Users.User author = authors.get(a);
                boolean endsFollowing = a % 2 == 0;
                toggles.add(pool.submit(() -> {
                    // per author one thread, so the last word is known: follow, unfollow, … ending as endsFollowing
                    for (int i = 0; i < 6 + (endsFollowing ? 1 : 0); i++) {
                        Api.Reply reply = i % 2 == 0
                                ? api.patch("/api/user/follow/" + author.username(), "", reader.auth())
                                : api.delete("/api/user/follow/" + author.username(), reader.auth());
                        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    }
                    return 0;
                }));
            }
            for (Future<Integer> toggle : toggles) {
                toggle.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> written = new ArrayList<>();
        for (Future<String> post : posts) {
            written.add(post.get());
        }
        awaitPosts(written.toArray(String[]::new));
        awaitApplied(reader);

        Set<UUID> followed = Set.of(authors.get(0).id(), authors.get(2).id());
        List<String> expected = system.database()
                .sql("""
                        select cast(id as varchar) from posts where user_id = any(cast(? as uuid[]))
                        order by created_at desc, id desc""")
                .param(followed.stream().map(UUID::toString).toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(expected).hasSize(10);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = feedPage(reader, cursor, 3);
            paged.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).as("paged through: newest first, each once").containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(paged)).hasSize(paged.size());

        assertThat(profile(reader, null).get("following").asInt()).isEqualTo(2);
        for (int a = 0; a < authors.size(); a++) {
            assertThat(profile(authors.get(a), null).get("followers").asInt())
                    .as("author " + a)
                    .isEqualTo(a % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void aClosedAccountsFollowsDisappearWithTheirCounts() {
        Users.User leaving = users.signedIn("leaving");
        Users.User staying = users.signedIn("staying");
        String tag = tag();
        api.patch("/api/user/follow/" + staying.username(), "", leaving.auth());
        api.patch("/api/posts/tags/" + tag + "/follow", "", leaving.auth());
        api.patch("/api/user/follow/" + leaving.username(), "", staying.auth());
        awaitApplied(leaving);
        awaitApplied(staying);
        assertThat(profile(staying, null).get("followers").asInt()).isEqualTo(1);
        assertThat(profile(staying, null).get("following").asInt()).isEqualTo(1);

        assertThat(api.post("/api/user/close-account", Map.of("password", Users.PASSWORD), leaving.auth())
                        .status())
                .isEqualTo(201);

        await().atMost(APPLIED).untilAsserted(() -> {
            JsonNode profile = profile(staying, staying);
            assertThat(profile.get("followers").asInt()).isZero();
            assertThat(profile.get("following").asInt()).isZero();
            assertThat(api.get("/api/posts/tags/" + tag).json().get("followers").asInt())
                    .isZero();
            assertThat(system.database()
                            .sql("""
                            select (select count(*) from user_follows where follower_id = :id or followed_id = :id)
                                 + (select count(*) from tag_follows where user_id = :id)""")
                            .param("id", leaving.id())
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        assertThat(api.get("/api/user/following/" + staying.username() + "/0/10")
                        .json()
                        .get("rows"))
                .isEmpty();
    }

    @Test
    void theApiDocsDescribeTheFollowEndpointsAndTheirErrors() {
        JsonNode paths = api.get("/docs-json").json().get("paths");
        for (String path : new String[] {
            "/api/user/follow/{username}",
            "/api/user/followers/{username}/{page}/{pageSize}",
            "/api/user/following/{username}/{page}/{pageSize}",
            "/api/posts/tags/{tag}",
            "/api/posts/tags/{tag}/follow",
            "/api/posts/feed"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode follow = paths.get("/api/user/follow/{username}").get("patch");
        assertThat(follow.has("security")).isTrue();
        assertThat(follow.get("responses").get("400").get("description").asString())
                .contains("cannot-follow-yourself");
        assertThat(follow.get("responses").has("404")).isTrue();
        assertThat(paths.get("/api/posts/feed").get("get").get("responses").has("401"))
                .isTrue();
    }

    private JsonNode profile(Users.User whose, Users.User caller) {
        Api.Reply reply = caller == null
                ? api.get("/api/user/get/" + whose.username())
                : api.get("/api/user/get/" + whose.username(), caller.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("data");
    }

    private JsonNode feedPage(Users.User reader, String cursor, int pageSize) {
        Api.Reply reply = api.get(
                "/api/posts/feed?pageSize=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor), reader.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("rows").forEach(row -> ids.add(row.get("id").asString()));
        return ids;
    }

    private String write(Users.User author, String tag) {
        Api.Reply created =
                api.post("/api/posts/create", PostsTests.post("Feed " + UUID.randomUUID(), tag), author.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private void awaitPosts(String... ids) {
        await().atMost(APPLIED)
                .until(() -> system.database()
                                .sql("select count(*) from posts where id = any(cast(? as uuid[]))")
                                .param(ids)
                                .query(Long.class)
                                .single()
                        == ids.length);
    }

    /** Until the users-service has applied every follow event of the user. */
    private void awaitApplied(Users.User user) {
        await().atMost(APPLIED)
                .until(() -> system.database()
                                .sql("""
                        select count(*) from outbox o where o.message_key = ?
                          and o.event_type in ('user-followed', 'user-unfollowed', 'tag-followed', 'tag-unfollowed')
                          and not exists (select 1 from users_processed_events p where p.event_id = o.event_id)""")
                                .param(user.id().toString())
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static String tag() {
        return "t" + Long.toString(System.nanoTime(), 36);
    }
}
