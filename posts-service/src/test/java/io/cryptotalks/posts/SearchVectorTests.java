package io.cryptotalks.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.devstack.DevStackInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** posts.search, written with every create and update: title above tags above preview above body; prefixes match. */
@SpringBootTest(
        classes = PostsServiceApplication.class,
        properties = {PostsServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class SearchVectorTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    final List<UUID> created = new ArrayList<>();

    @AfterEach
    void deleteThem() {
        TestEvents events = new TestEvents(json);
        created.forEach(id -> inbound.accept(events.record(new PostDeleted(id, UUID.randomUUID()))));
    }

    @Test
    void aTitleMatchRanksAboveATagAPreviewAndABodyMatch() {
        UUID inBody = create(
                "Markets this week",
                List.of("# Notes", "Bitcoin closed the week higher."),
                "A weekly look at the markets.",
                "markets");
        UUID inPreview =
                create("A weekly digest", List.of("Nothing special."), "Bitcoin and friends, in short.", "digest");
        UUID inTags = create("Mining hardware", List.of("ASICs compared."), "Which machine pays off.", "bitcoin");
        UUID inTitle = create(
                "Bitcoin dominance explained", List.of("What the chart means."), "A metric everyone quotes.", "charts");

        assertThat(ranked("bitcoin")).containsExactly(inTitle, inTags, inPreview, inBody);
        assertThat(ranked("bitc:*")).containsExactly(inTitle, inTags, inPreview, inBody);
        assertThat(ranked("BITCOIN")).as("case-insensitive").containsExactly(inTitle, inTags, inPreview, inBody);
        assertThat(ranked("dominance & explai:*")).containsExactly(inTitle);
    }

    @Test
    void anUpdateRewritesTheVector() {
        UUID id = create("Bitcoin fees", List.of("Fees rise with demand."), "Why fees move.", "fees");
        String slug = "post-" + id + "-2";

        inbound.accept(new TestEvents(json)
                .record(new PostUpdated(
                        id,
                        "Ethereum gas",
                        slug,
                        List.of("Gas rises with demand."),
                        "Why gas moves.",
                        List.of("gas"))));

        assertThat(ranked("bitc:*")).doesNotContain(id);
        assertThat(ranked("ether:*")).containsExactly(id);
        assertThat(ranked("gas")).containsExactly(id);
        assertThat(jdbc.sql(
                                "select search = posts_search(title, search_tags, preview, content) from posts where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private UUID create(String title, List<String> content, String preview, String tag) {
        PostCreated post =
                TestEvents.newPost(UUID.randomUUID(), title + " " + UUID.randomUUID(), content, preview, tag);
        inbound.accept(new TestEvents(json).record(post));
        created.add(post.postId());
        return post.postId();
    }

    /** This test's posts that match the query, best first. */
    private List<UUID> ranked(String query) {
        return jdbc.sql("""
                        select id from posts
                        where id = any(:ids) and search @@ to_tsquery('simple', :query)
                        order by ts_rank(search, to_tsquery('simple', :query)) desc""")
                .param("ids", created.toArray(UUID[]::new))
                .param("query", query)
                .query(UUID.class)
                .list();
    }
}
