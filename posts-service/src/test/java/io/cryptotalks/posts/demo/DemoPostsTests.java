package io.cryptotalks.posts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.posts.PostsServiceApplication;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo posts, seeded into an empty posts table. The shared test database holds other tests' posts, so the test
 * empties the tables inside a transaction that it rolls back: nobody else sees the empty tables or the seeding.
 */
@SpringBootTest(
        classes = PostsServiceApplication.class,
        properties = {
            PostsServiceApplication.CONFIG_NAME,
            "cryptotalks.demo-data=true",
            "spring.kafka.listener.auto-startup=false"
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
class DemoPostsTests {

    private static final Set<UUID> DEMO_USERS = Set.of(DemoPosts.JOHN.id(), DemoPosts.MILY.id(), DemoPosts.GERALT.id());

    @Autowired
    DemoPosts demoPosts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEmptyDatabaseGetsTheSixDemoPostsWithConsistentCountersTagsAndSearch() {
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            for (String table : List.of("comment_ratings", "comments", "post_ratings", "posts", "post_tags")) {
                jdbc.sql("delete from " + table).update();
            }

            demoPosts.seed();

            assertTheDemoPosts();
            demoPosts.seed();
            assertThat(count("select count(*) from posts"))
                    .as("a second start seeds nothing")
                    .isEqualTo(6);
            assertThat(count("select sum(applied_writes) from posts")).isEqualTo(expectedWrites());
            transaction.setRollbackOnly();
        });
    }

    private void assertTheDemoPosts() {
        assertThat(count("select count(*) from posts")).isEqualTo(6);
        Map<String, Long> byAuthor = jdbc
                .sql("select username, count(*) from posts group by username")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byAuthor).isEqualTo(Map.of("JohnDoe", 3L, "MilyKotek", 1L, "TopWiedzmin1337", 2L));
        assertThat(jdbc.sql("select created_at from posts where user_id = ? order by created_at")
                        .param(DemoPosts.JOHN.id())
                        .query((rs, n) -> rs.getTimestamp(1).toInstant())
                        .list())
                .containsExactly(day(2022, 1, 1), day(2022, 2, 2), day(2022, 3, 3));

        List<String> slugs =
                jdbc.sql("select slug from posts").query(String.class).list();
        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(slugs).contains("web3-and-decentralized-applications-the-future-of-the-internet");
        assertThat(jdbc.sql("select user_id from comments union select user_id from post_ratings "
                                + "union select user_id from comment_ratings")
                        .query(UUID.class)
                        .set())
                .isEqualTo(DEMO_USERS);
        assertThat(count("select count(*) from comments")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from post_ratings")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from comment_ratings")).isGreaterThanOrEqualTo(6);

        // every counter is what its rows say
        assertThat(count("""
                select count(*) from posts p
                where p.comments_count <> (select count(*) from comments c where c.post_id = p.id)
                   or p.rating <> (select coalesce(sum(case rate when '+' then 1 else -1 end), 0)
                                   from post_ratings r where r.post_id = p.id)
                   or p.applied_writes <> 1 + (select count(*) from comments c where c.post_id = p.id)
                                            + (select count(*) from post_ratings r where r.post_id = p.id)
                                            + (select count(*) from comment_ratings r where r.post_id = p.id)
                """)).isZero();
        assertThat(count("""
                select count(*) from comments c
                where c.rating <> (select coalesce(sum(case rate when '+' then 1 else -1 end), 0)
                                   from comment_ratings r where r.comment_id = c.id)""")).isZero();
        assertThat(jdbc.sql("select rating from posts where slug = 'what-is-bitcoin-and-how-does-it-work'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // tags: exactly the posts that carry them
        assertThat(jdbc.sql("select tag, posts from post_tags order by tag")
                        .query()
                        .listOfRows())
                .isEqualTo(jdbc.sql("""
                        select tag, count(*)::int as posts from posts cross join unnest(search_tags) as t(tag)
                        group by tag order by tag""").query().listOfRows());
        assertThat(jdbc.sql("select posts from post_tags where tag = 'ethereum'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // search vectors
        assertThat(count("select count(*) from posts where search <> posts_search(title, search_tags, preview, content)"
                        + " or search = ''::tsvector"))
                .isZero();
        assertThat(jdbc.sql("""
                        select slug from posts where search @@ to_tsquery('simple', 'bitc:*')
                        order by ts_rank(search, to_tsquery('simple', 'bitc:*')) desc limit 1""").query(String.class).single()).isEqualTo("what-is-bitcoin-and-how-does-it-work");
    }

    private long expectedWrites() {
        return DemoPosts.POSTS.stream()
                .mapToLong(post -> 1
                        + post.votes().size()
                        + post.comments().size()
                        + post.comments().stream()
                                .mapToLong(comment -> comment.votes().size())
                                .sum())
                .sum();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static java.time.Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
