package io.cryptotalks.gateway.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's SQL on a real PostgreSQL with the real schema (the posts-service's migrations, read from that module, and
 * the gateway's), at a size where the plans matter: more matches than a search counts, title matches older than body
 * matches, a post deleted here but not yet in the posts-service's rows.
 */
class PostSearchDatabaseTests {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final PostSearch search = new PostSearch(jdbc, new PostCounts(jdbc));

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = PostsSchema.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void posts() {
        jdbc.sql("delete from posts").update();
        jdbc.sql("delete from post_heads").update();
        // 10,050 posts with "moonshot" in the body, the newest first by id; the 30 oldest also have it in the title
        jdbc.sql("""
                insert into posts (id, user_id, username, title, slug, content, preview, search_tags, created_at,
                                   updated_at, search)
                select gen_random_uuid(), gen_random_uuid(), 'author' || n % 7, t.title, 'post-' || n,
                       array['A body about a moonshot, number ' || n], 'A preview', array['tag' || n % 5],
                       now() - n * interval '1 minute', now(), posts_search(t.title, array['tag' || n % 5],
                       'A preview', array['A body about a moonshot, number ' || n])
                from generate_series(1, 10050) n
                cross join lateral (select case when n > 10020 then 'Moonshot title ' || n
                                                else 'Plain title ' || n end as title) t
                """).update();
        jdbc.sql("analyze posts").update();
    }

    @Test
    void aSearchListsTitleMatchesFirstAndCountsUpToItsLimit() {
        PostResponses.Page first = page(0, 20, "moonshot");

        assertThat(first.count()).isEqualTo(PostSearch.SEARCH_COUNT_LIMIT);
        assertThat(first.rows())
                .extracting(PostResponses.Summary::title)
                .allMatch(title -> title.startsWith("Moonshot"));
        assertThat(first.rows().get(0).title()).isEqualTo("Moonshot title 10021");
        PostResponses.Page second = page(1, 20, "moonsh");
        assertThat(second.rows())
                .extracting(PostResponses.Summary::title)
                .startsWith("Moonshot title 10041")
                .endsWith("Plain title 10");
        assertThat(page(500, 20, "moonshot").rows()).as("past the limit").isEmpty();
    }

    @Test
    void manyTitleMatchesAreWalkedInOrderAndStillComeFirst() {
        // 2,630 titles with the word: more than a tier reads whole, so the order's index is walked row by row
        jdbc.sql(
                        "update posts set title = 'Moonshot title ' || substr(slug, 6) where substr(slug, 6)::int between 3001 and 5600")
                .update();
        jdbc.sql("update posts set search = posts_search(title, search_tags, preview, content)")
                .update();

        assertThat(page(0, 20, "moonshot").rows())
                .extracting(PostResponses.Summary::title)
                .startsWith("Moonshot title 3001")
                .endsWith("Moonshot title 3020");
        assertThat(page(131, 20, "moonsh").rows())
                .extracting(PostResponses.Summary::title)
                .startsWith("Moonshot title 10041")
                .contains("Moonshot title 10050", "Plain title 1")
                .endsWith("Plain title 10");
    }

    @Test
    void aRareWordIsReadWholeAndStillTitleFirst() {
        jdbc.sql(
                        "update posts set content = array['a zeitgeist body'], search = posts_search(title, search_tags, preview, array['a zeitgeist body']) where slug in ('post-5', 'post-6')")
                .update();
        jdbc.sql(
                        "update posts set title = 'Zeitgeist in the title', search = posts_search('Zeitgeist in the title', search_tags, preview, content) where slug = 'post-9'")
                .update();

        PostResponses.Page found = page(0, 20, "zeitg");

        assertThat(found.count()).isEqualTo(3);
        assertThat(found.rows()).extracting(PostResponses.Summary::slug).containsExactly("post-9", "post-5", "post-6");
    }

    @Test
    void aListLeavesOutPostsDeletedHereAndCountsExactly() {
        UUID deleted = jdbc.sql("select id from posts where slug = 'post-1'")
                .query(UUID.class)
                .single();
        jdbc.sql(
                        "insert into post_heads (post_id, user_id, title_key, slug, deleted_at) values (?, ?, 'x', 'post-1', now())")
                .params(deleted, UUID.randomUUID())
                .update();

        PostResponses.Page newest =
                search.page(new PostSearch.Query(0, 2, "desc", "createdAt", null, null, null, null));
        PostResponses.Page deep =
                search.page(new PostSearch.Query(400, 20, "desc", "createdAt", null, null, null, null));

        assertThat(newest.count()).isEqualTo(10_049);
        assertThat(newest.rows()).extracting(PostResponses.Summary::slug).containsExactly("post-2", "post-3");
        assertThat(deep.rows())
                .hasSize(20)
                .first()
                .extracting(PostResponses.Summary::slug)
                .isEqualTo("post-8002");
        assertThat(search.page(new PostSearch.Query(0, 5, "asc", "title", null, null, null, List.of("tag1", "tag2")))
                        .count())
                .as("tag1 or tag2, less the deleted post-1")
                .isEqualTo(4019);
    }

    private PostResponses.Page page(int page, int size, String words) {
        return search.page(new PostSearch.Query(page, size, "desc", "createdAt", words, null, null, null));
    }
}
