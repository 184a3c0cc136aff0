package io.cryptotalks.gateway.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The post read's SQL and overlay on a real PostgreSQL with the real schema, in the state the system tests can only
 * hit by chance: 60 comments applied, two more and three votes still in the outbox. A window of the comments and
 * their count include the pending ones exactly once, at the end; the ratings move by the pending toggles of other
 * users too (their applied votes are read for that), but only the caller's vote is shown.
 */
class PostProjectionDatabaseTests {

    private static final PostResponses.References NO_REFERENCES = new PostResponses.References(List.of(), Map.of());

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final EventJson json = new EventJson();
    private final PostProjection projection =
            new PostProjection(jdbc, json, JsonMapper.builder().build());
    private final UUID postId = UUID.randomUUID();
    private final UUID author = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID caller = UUID.randomUUID();
    private final List<UUID> applied = new ArrayList<>();
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private PostHeads.Head head;

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
    void postWithAppliedAndPendingWrites() {
        // applied: 60 comments a minute apart, alice's + on the post, bob's - on comment 55
        jdbc.sql("""
                        insert into posts (id, user_id, username, title, slug, content, preview, rating, comments_count,
                                           applied_writes, created_at)
                        values (?, ?, 'author', 'Busy post', ?, array['body'], 'A preview', 1, 60, 62, ?)
                        """)
                .params(postId, author, "busy-" + postId, start.atOffset(ZoneOffset.UTC))
                .update();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            applied.add(id);
            jdbc.sql("""
                            insert into comments (id, post_id, user_id, username, payload, created_at)
                            values (?, ?, ?, 'author', ?, ?)
                            """)
                    .params(
                            id,
                            postId,
                            author,
                            "comment " + i,
                            start.plusSeconds(60L * (i + 1)).atOffset(ZoneOffset.UTC))
                    .update();
        }
        jdbc.sql("insert into post_ratings (post_id, user_id, username, rate) values (?, ?, 'alice', '+')")
                .params(postId, alice)
                .update();
        jdbc.sql(
                        "insert into comment_ratings (comment_id, post_id, user_id, username, rate) values (?, ?, ?, 'bob', '-')")
                .params(applied.get(55), postId, bob)
                .update();
        jdbc.sql("update comments set rating = -1 where id = ?")
                .param(applied.get(55))
                .update();
        head = new PostHeads.Head(postId, author, "busy-" + postId, 62, null);
    }

    @Test
    void pendingCommentsAreCountedOnceAndShownOnTheLastPage() {
        UUID first = pending(new CommentAdded(postId, UUID.randomUUID(), caller, "caller", "just now"));
        pending(new CommentAdded(postId, UUID.randomUUID(), alice, "alice", "and again"));

        PostView firstPage = load(caller, new CommentWindow(0, 50));
        assertThat(firstPage.commentsCount).isEqualTo(62);
        assertThat(payloads(firstPage)).hasSize(50).startsWith("comment 0").endsWith("comment 49");

        PostView secondPage = load(caller, new CommentWindow(1, 50));
        assertThat(payloads(secondPage))
                .hasSize(12)
                .startsWith("comment 50")
                .endsWith("comment 59", "just now", "and again");
        assertThat(payloads(load(caller, new CommentWindow(6, 10)))).containsExactly("just now", "and again");
        assertThat(payloads(load(caller, new CommentWindow(61, 1)))).containsExactly("and again");
        assertThat(payloads(load(caller, new CommentWindow(7, 10)))).isEmpty();
        assertThat(projection.hasComment(head, first)).isTrue();
        assertThat(projection.hasComment(head, applied.get(59))).isTrue();
        assertThat(projection.hasComment(head, UUID.randomUUID())).isFalse();

        // once the worker applied the first one, it is a row and no longer in the overlay: still counted once
        jdbc.sql(
                        "insert into comments (id, post_id, user_id, username, payload, created_at) values (?, ?, ?, 'caller', 'just now', now())")
                .params(first, postId, caller)
                .update();
        jdbc.sql("update posts set comments_count = 61, applied_writes = 63 where id = ?")
                .param(postId)
                .update();
        jdbc.sql(
                        "insert into posts_processed_events (event_id, event_type) select event_id, event_type from outbox where envelope like ?")
                .param("%" + first + "%")
                .update();
        PostView later = load(caller, new CommentWindow(1, 50));
        assertThat(later.commentsCount).isEqualTo(62);
        assertThat(payloads(later))
                .endsWith("comment 59", "just now", "and again")
                .hasSize(12);
    }

    @Test
    void pendingVotesOfAnyoneMoveTheRatingsButOnlyTheCallersVoteIsShown() {
        UUID deep = applied.get(55);
        pending(new PostRated(postId, alice, "alice", "+")); // withdraws alice's applied +
        pending(new PostRated(postId, caller, "caller", "-"));
        pending(new CommentRated(postId, deep, bob, "bob", "+")); // flips bob's applied -
        pending(new CommentRated(postId, deep, caller, "caller", "+"));

        PostView view = load(caller, new CommentWindow(1, 50));
        assertThat(view.rating).as("1 - alice's withdrawn + - the caller's -").isEqualTo(-1);
        PostView.Comment comment = view.comments.stream()
                .filter(c -> c.id.equals(deep))
                .findFirst()
                .orElseThrow();
        assertThat(comment.rating).as("-1 + 2 (bob flips) + 1 (the caller)").isEqualTo(2);

        PostResponses.CommentPage page = PostResponses.CommentPage.of(view, caller, NO_REFERENCES);
        PostResponses.Comment shown = page.rows().stream()
                .filter(c -> c.id().equals(deep))
                .findFirst()
                .orElseThrow();
        assertThat(shown.myRate()).isEqualTo("+");
        assertThat(shown.commentRates()).containsExactly(new PostResponses.Rate("caller", "+", true));
        PostResponses.Post post =
                PostResponses.Post.of(load(caller, CommentWindow.FIRST), caller, Map.of(), NO_REFERENCES);
        assertThat(post.myRate()).isEqualTo("-");
        assertThat(post.postInfo().rates()).containsExactly(new PostResponses.Rate("caller", "-", true));
        assertThat(post.commentsCount()).isEqualTo(60);
        assertThat(PostResponses.Post.of(load(null, CommentWindow.FIRST), null, Map.of(), NO_REFERENCES)
                        .postInfo()
                        .rates())
                .as("anonymous: nobody's vote")
                .isEmpty();
        assertThat(PostResponses.Post.of(load(null, CommentWindow.FIRST), null, Map.of(), NO_REFERENCES)
                        .rating())
                .isEqualTo(-1);
    }

    @Test
    void cashtagsAreTheRowsUntilAPendingEditCarriesTheWholeSet() {
        jdbc.sql("insert into post_cashtags (post_id, coin_uuid, symbol, price_at_post, created_at)"
                        + " values (?, 'btc-uuid', 'BTC', 100.0, ?)")
                .params(postId, start.atOffset(ZoneOffset.UTC))
                .update();
        assertThat(load(caller, CommentWindow.FIRST).cashtags).containsExactly(new Cashtag("BTC", "btc-uuid", 100.0));

        pending(new PostUpdated(postId, "Busy post", head.slug(), List.of("$BTC"), "A preview", List.of(), null));
        assertThat(load(caller, CommentWindow.FIRST).cashtags)
                .as("an edit from before cashtags leaves them")
                .containsExactly(new Cashtag("BTC", "btc-uuid", 100.0));

        List<Cashtag> edited = List.of(new Cashtag("BTC", "btc-uuid", 100.0), new Cashtag("ETH", "eth-uuid", 5.0));
        pending(new PostUpdated(
                postId, "Busy post", head.slug(), List.of("$BTC $ETH"), "A preview", List.of(), edited));
        PostView view = load(caller, CommentWindow.FIRST);
        assertThat(view.cashtags).isEqualTo(edited);

        PostResponses.Post post = PostResponses.Post.of(view, caller, Map.of("btc-uuid", 112.345), NO_REFERENCES);
        assertThat(post.cashtags())
                .containsExactly(
                        new PostResponses.CashtagQuote("BTC", "btc-uuid", 100.0, 112.345, 12.35),
                        new PostResponses.CashtagQuote("ETH", "eth-uuid", 5.0, null, null));
    }

    @Test
    void aBadWindowIsABadRequest() {
        assertThatThrownBy(() -> new CommentWindow(-1, 10)).hasMessageContaining("page");
        assertThatThrownBy(() -> new CommentWindow(0, 0)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new CommentWindow(0, 101)).hasMessageContaining("pageSize");
        assertThat(new CommentWindow(Integer.MAX_VALUE, 100).offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }

    private PostView load(UUID reader, CommentWindow window) {
        return projection.load(head, reader, window).orElseThrow();
    }

    private static List<String> payloads(PostView view) {
        return view.comments.stream().map(comment -> comment.payload).toList();
    }

    /** An event the gateway wrote and the worker has not applied; @return its comment's id, if it adds one */
    private UUID pending(DomainEvent event) {
        head = new PostHeads.Head(postId, author, head.slug(), head.writes() + 1, null);
        EventEnvelope envelope =
                EventEnvelope.of(event, Clock.fixed(start.plusSeconds(3600 + head.writes()), ZoneOffset.UTC));
        jdbc.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope, occurred_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        envelope.eventId(),
                        envelope.topic(),
                        postId.toString(),
                        envelope.type(),
                        json.write(envelope),
                        java.sql.Timestamp.from(envelope.occurredAt()))
                .update();
        return event instanceof CommentAdded added ? added.commentId() : null;
    }
}
