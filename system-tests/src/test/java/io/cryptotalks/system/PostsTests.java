package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Posts through the event pipeline (E19–E26): read-your-writes, slugs, search, comments and exact votes. */
class PostsTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void writeReadAtOnceEditKeepingTheOldLinkAndDelete() {
        Users.User author = users.signedIn("author");
        Users.User reader = users.signedIn("reader");
        String title = "Halving notes " + System.nanoTime();

        Api.Reply created = api.post("/api/posts/create", post(title, "bitcoin", "mining"), author.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String slug = created.text("slug");
        String id = created.text("id");
        assertThat(slug).startsWith("halving-notes-");

        Api.Reply read = api.get("/api/posts/get/" + slug);
        assertThat(read.status()).as("readable the moment create returns").isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo(title);
        assertThat(read.json().get("username").asString()).isEqualTo(author.username());
        assertThat(read.json().get("content").get(0).asString()).isEqualTo("## Why it matters");
        assertError(api.get("/api/posts/get/" + slug + "?toEdit=yes", reader.auth()), 400, "wrong-user");
        assertError(api.get("/api/posts/get/" + slug + "?toEdit=yes"), 400, "wrong-user");
        assertThat(api.get("/api/posts/get/" + slug + "?toEdit=yes", author.auth())
                        .status())
                .isEqualTo(200);

        assertError(
                api.patch("/api/posts/update/" + id, Map.of("title", "Stolen " + title), reader.auth()),
                400,
                "wrong-user");
        Api.Reply edited = api.patch("/api/posts/update/" + id, Map.of("title", "Renamed " + title), author.auth());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        String newSlug = edited.text("slug");
        assertThat(newSlug).startsWith("renamed-halving-notes-").isNotEqualTo(slug);
        assertThat(api.get("/api/posts/get/" + slug).json().get("title").asString())
                .as("the old link shows the edit at once")
                .isEqualTo("Renamed " + title);
        assertThat(api.get("/api/posts/get/" + slug).json().get("slug").asString())
                .isEqualTo(newSlug);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> system.database()
                        .sql("select title from posts where slug = ?")
                        .param(newSlug)
                        .query(String.class)
                        .optional()
                        .filter(("Renamed " + title)::equals)
                        .isPresent());

        assertError(api.delete("/api/posts/delete/" + id, reader.auth()), 400, "wrong-user");
        assertThat(api.delete("/api/posts/delete/" + id, author.auth()).text("message"))
                .isEqualTo("success");
        assertError(api.get("/api/posts/get/" + newSlug), 404, "post-not-found");
        assertError(api.get("/api/posts/get/" + slug), 404, "post-not-found");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> system.database()
                                .sql("select count(*) from posts where id = cast(? as uuid)")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void slugsAreReadableUniqueAndTransliterated() {
        Users.User author = users.signedIn("slugs");
        String marker = "x" + System.nanoTime();

        String polish = api.post("/api/posts/create", post("Zażółć gęślą jaźń " + marker, "pl"), author.auth())
                .text("slug");
        String first = api.post("/api/posts/create", post("Ether " + marker + "!", "eth"), author.auth())
                .text("slug");
        String second = api.post("/api/posts/create", post("Ether " + marker + "?", "eth"), author.auth())
                .text("slug");

        assertThat(polish).isEqualTo("zazolc-gesla-jazn-" + marker);
        assertThat(first).isEqualTo("ether-" + marker);
        assertThat(second).isEqualTo("ether-" + marker + "-2");
        assertError(
                api.post("/api/posts/create", post("ETHER " + marker + "!", "eth"), author.auth()),
                400,
                "post-already-exists");
    }

    @Test
    void badInputIsRefusedWithTheContractsCodes() {
        Users.User author = users.signedIn("strict");
        assertError(
                api.post(
                        "/api/posts/create",
                        post("Six tags " + System.nanoTime(), "a", "b", "c", "d", "e", "f"),
                        author.auth()),
                400,
                "tag-length");
        assertError(
                api.post("/api/posts/create", post("Long tag " + System.nanoTime(), "x".repeat(21)), author.auth()),
                400,
                "tag-length");
        assertError(api.post("/api/posts/create", Map.of("title", "No body"), author.auth()), 400, "validation-error");
        assertError(api.post("/api/posts/create", post("Anonymous", "btc")), 401, "invalid-token");
        String unknown = java.util.UUID.randomUUID().toString();
        assertError(
                api.patch("/api/posts/comment/" + unknown, Map.of("comment", "hi"), author.auth()),
                404,
                "post-not-found");
        assertError(
                api.patch("/api/posts/rate/post/" + unknown, Map.of("rate", "+"), author.auth()),
                404,
                "post-not-found");
        String id = api.post("/api/posts/create", post("Votes " + System.nanoTime(), "btc"), author.auth())
                .text("id");
        assertError(api.patch("/api/posts/rate/post/" + id, Map.of("rate", "++"), author.auth()), 400, "wrong-rate");
        assertError(
                api.patch("/api/posts/rate/comment/" + id + "/" + unknown, Map.of("rate", "+"), author.auth()),
                400,
                "comment-doesnt-exist");
        assertError(
                api.patch("/api/posts/comment/" + id, Map.of("comment", ""), author.auth()), 400, "validation-error");
        assertError(
                api.patch("/api/posts/comment/" + id, Map.of("comment", "x".repeat(5001)), author.auth()),
                400,
                "validation-error");
        for (String bad : new String[] {
            "/-1/10/desc/createdAt",
            "/0/0/desc/createdAt",
            "/0/101/desc/createdAt",
            "/0/10/sideways/createdAt",
            "/0/10/desc/password",
            "/x/10/desc/createdAt"
        }) {
            assertThat(api.get("/api/posts/list" + bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void findByFullTextWithPrefixesTitleFirstTagsAndAuthor() {
        Users.User author = users.signedIn("finder");
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> inBody = post("Quiet title " + System.nanoTime(), "alpha");
        inBody.put("content", List.of("The word " + word + " hides in the body."));
        api.post("/api/posts/create", inBody, author.auth());
        api.post("/api/posts/create", post("Loud " + word + " title", "beta"), author.auth());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/posts/list/0/10/desc/createdAt?searchQuery=" + word)
                                .json()
                                .get("count")
                                .asInt())
                        .isEqualTo(2));

        JsonNode found = api.get(
                        "/api/posts/list/0/10/desc/createdAt?searchQuery=" + word.substring(0, word.length() - 2))
                .json();
        assertThat(found.get("count").asInt()).as("prefix").isEqualTo(2);
        assertThat(found.get("rows").get(0).get("title").asString())
                .as("a title match ranks first")
                .contains(word);
        assertThat(api.get("/api/posts/list/0/10/desc/createdAt?searchQuery=" + word + "&tags=beta,gamma")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/posts/list/0/10/desc/createdAt?username=" + author.username())
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/posts/list/0/10/desc/createdAt?username="
                                + author.username().substring(1))
                        .json()
                        .get("count")
                        .asInt())
                .as("the author filter is exact")
                .isZero();
        assertThat(api.get("/api/posts/list/0/10/asc/title", author.auth())
                        .json()
                        .get("count")
                        .asInt())
                .as("a token and no username: my posts")
                .isEqualTo(2);
        assertThat(api.get("/api/posts/tags").json().toString()).contains("\"tag\":\"beta\"");
    }

    @Test
    void commentsAndVotesCountExactlyUnderConcurrency() throws Exception {
        Users.User author = users.signedIn("popular");
        String id = api.post("/api/posts/create", post("Popular " + System.nanoTime(), "btc"), author.auth())
                .text("id");
        String slug = system.database()
                .sql("select slug from post_heads where post_id = cast(? as uuid)")
                .param(id)
                .query(String.class)
                .single();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String text = "comment " + i;
                replies.add(pool.submit(
                        () -> api.patch("/api/posts/comment/" + id, Map.of("comment", text), author.auth())));
            }
            List<Users.User> voters = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                voters.add(users.signedIn("voter"));
            }
            for (Users.User voter : voters) {
                replies.add(
                        pool.submit(() -> api.patch("/api/posts/rate/post/" + id, Map.of("rate", "+"), voter.auth())));
            }
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
            assertThat(api.get("/api/posts/get/" + slug, voters.get(0).auth())
                            .json()
                            .get("myRate")
                            .asString())
                    .as("a vote reads back at once")
                    .isEqualTo("+");
            api.patch(
                    "/api/posts/rate/post/" + id,
                    Map.of("rate", "+"),
                    voters.get(0).auth());
            api.patch(
                    "/api/posts/rate/post/" + id,
                    Map.of("rate", "-"),
                    voters.get(1).auth());
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var counters = system.database()
                    .sql("select rating, comments_count from posts where id = cast(? as uuid)")
                    .param(id)
                    .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2)))
                    .optional()
                    .orElse(List.of());
            assertThat(counters)
                    .as("6 up, one withdrawn, one flipped; 100 comments")
                    .containsExactly(3, 100);
        });
        JsonNode post = api.get("/api/posts/get/" + slug).json();
        assertThat(post.get("rating").asInt()).isEqualTo(3);
        assertThat(post.get("commentsCount").asInt()).isEqualTo(100);
        assertThat(post.get("postInfo").get("comments")).as("the first page").hasSize(50);
        assertThat(api.get("/api/posts/comments/" + id + "/1/50").json().get("rows"))
                .as("the rest")
                .hasSize(50);
        assertThat(post.get("postInfo").get("comments").get(0).has("userId"))
                .as("no other users' ids")
                .isFalse();

        String commentId = post.get("postInfo").get("comments").get(0).get("id").asString();
        assertThat(api.patch("/api/posts/rate/comment/" + id + "/" + commentId, Map.of("rate", "-"), author.auth())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/posts/get/" + slug, author.auth())
                        .json()
                        .get("postInfo")
                        .get("comments")
                        .get(0)
                        .get("myRate")
                        .asString())
                .isEqualTo("-");
    }

    @Test
    void commentsComeAPageAtATimeWithTheCountAndReadBackAtOnce() {
        Users.User author = users.signedIn("pages");
        Users.User reader = users.signedIn("pagereader");
        Users.User other = users.signedIn("pageother");
        String id = api.post("/api/posts/create", post("Pages " + System.nanoTime(), "btc"), author.auth())
                .text("id");
        String slug = system.database()
                .sql("select slug from post_heads where post_id = cast(? as uuid)")
                .param(id)
                .query(String.class)
                .single();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Api.Reply added = api.patch(
                    "/api/posts/comment/" + id, Map.of("comment", "comment %03d".formatted(i)), author.auth());
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            ids.add(added.text("id"));
        }

        // at once (most still on their way), then once the posts-service has applied them all
        assertPagesInOrder(id, slug, 120);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> system.database()
                                .sql("select comments_count from posts where id = cast(? as uuid)")
                                .param(id)
                                .query(Integer.class)
                                .optional()
                                .orElse(0)
                        == 120);
        assertPagesInOrder(id, slug, 120);

        String added = api.patch("/api/posts/comment/" + id, Map.of("comment", "just now"), reader.auth())
                .text("id");
        JsonNode last = api.get("/api/posts/comments/" + id + "/2/50").json();
        assertThat(last.get("count").asInt()).as("a new comment counts at once").isEqualTo(121);
        assertThat(last.get("rows")).hasSize(21);
        assertThat(last.get("rows").get(20).get("id").asString())
                .as("on the last page")
                .isEqualTo(added);
        assertThat(api.get("/api/posts/get/" + slug).json().get("commentsCount").asInt())
                .isEqualTo(121);

        // votes on a comment past the first page, and on the one just added, read back at once
        String deep = ids.get(110);
        assertThat(api.patch("/api/posts/rate/comment/" + id + "/" + deep, Map.of("rate", "-"), other.auth())
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/posts/rate/comment/" + id + "/" + deep, Map.of("rate", "+"), reader.auth())
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/posts/rate/comment/" + id + "/" + added, Map.of("rate", "+"), reader.auth())
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/posts/rate/post/" + id, Map.of("rate", "+"), reader.auth())
                        .status())
                .isEqualTo(200);
        JsonNode page =
                api.get("/api/posts/comments/" + id + "/2/50", reader.auth()).json();
        JsonNode voted = page.get("rows").get(10);
        assertThat(voted.get("id").asString()).isEqualTo(deep);
        assertThat(voted.get("rating").asInt()).as("one up, one down").isZero();
        assertThat(voted.get("myRate").asString()).isEqualTo("+");
        assertThat(voted.get("commentRates").toString())
                .as("only the caller's own vote, no other voter")
                .contains(reader.username())
                .doesNotContain(other.username());
        assertThat(page.get("rows").get(20).get("myRate").asString()).isEqualTo("+");
        assertThat(page.get("rows").get(20).get("rating").asInt()).isEqualTo(1);
        assertThat(api.get("/api/posts/comments/" + id + "/2/50")
                        .json()
                        .get("rows")
                        .get(10)
                        .get("myRate")
                        .isNull())
                .as("anonymous")
                .isTrue();
        JsonNode read = api.get("/api/posts/get/" + slug, reader.auth()).json();
        assertThat(read.get("myRate").asString()).isEqualTo("+");
        assertThat(read.get("rating").asInt()).isEqualTo(1);
        assertThat(api.get("/api/posts/get/" + slug, other.auth())
                        .json()
                        .get("postInfo")
                        .get("rates"))
                .isEmpty();

        for (String bad : new String[] {"/-1/50", "/0/0", "/0/101", "/x/10", "/0/ten"}) {
            assertError(api.get("/api/posts/comments/" + id + bad), 400, "bad-request");
        }
        assertError(api.get("/api/posts/comments/not-a-uuid/0/10"), 400, "bad-request");
        assertError(api.get("/api/posts/comments/" + java.util.UUID.randomUUID() + "/0/10"), 404, "post-not-found");
        assertThat(api.delete("/api/posts/delete/" + id, author.auth()).status())
                .isEqualTo(200);
        assertError(api.get("/api/posts/comments/" + id + "/0/10"), 404, "post-not-found");

        JsonNode docs = api.get("/docs-json").json();
        JsonNode documented = docs.get("paths")
                .get("/api/posts/comments/{postId}/{page}/{pageSize}")
                .get("get");
        assertThat(documented.get("responses").has("400")).isTrue();
        assertThat(documented.get("responses").has("404")).isTrue();
        assertThat(documented.get("responses").get("200").toString()).contains("CommentPage");
        assertThat(docs.get("components").get("schemas").has("CommentPage")).isTrue();
    }

    /** The first 50 embedded in the post, the rest through the comments pages, oldest first, each once. */
    private void assertPagesInOrder(String id, String slug, int count) {
        JsonNode post = api.get("/api/posts/get/" + slug).json();
        assertThat(post.get("commentsCount").asInt()).isEqualTo(count);
        List<String> payloads = new ArrayList<>();
        post.get("postInfo")
                .get("comments")
                .forEach(comment -> payloads.add(comment.get("payload").asString()));
        assertThat(payloads).hasSize(50);
        for (int page = 1; ; page++) {
            JsonNode rows = api.get("/api/posts/comments/" + id + "/" + page + "/50")
                    .json()
                    .get("rows");
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(comment -> payloads.add(comment.get("payload").asString()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add("comment %03d".formatted(i));
        }
        assertThat(payloads).containsExactlyElementsOf(expected);
        JsonNode middle = api.get("/api/posts/comments/" + id + "/7/7").json();
        assertThat(middle.get("count").asInt()).isEqualTo(count);
        assertThat(middle.get("rows").get(0).get("payload").asString()).isEqualTo("comment 049");
        assertThat(middle.get("rows").get(0).has("userId"))
                .as("no other users' ids")
                .isFalse();
    }

    static Map<String, Object> post(String title, String... tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("preview", "A short preview of the post.");
        body.put(
                "content",
                List.of(
                        "## Why it matters",
                        "Every **210,000** blocks the reward halves.",
                        "<script>alert('x')</script>"));
        body.put("searchTags", List.of(tags));
        return body;
    }
}
