package io.cryptotalks.gateway.posts;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gateway's synchronous record of each post ({@code post_heads}, {@code post_slugs}): who wrote it, its unique
 * title and slug, every slug it ever had, and how many events were emitted for it ({@code writes}). A post that exists
 * only in the posts-service's projection (the seeded demo posts) is adopted on first touch: its head is made from the
 * row, counting every write as applied; titles and slugs of such posts are never handed out again.
 */
@Repository
class PostHeads {

    private static final String HEAD = "select post_id, user_id, slug, writes, deleted_at from post_heads";

    private final JdbcClient jdbc;

    PostHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateKeyException when another live post has this title (any case) */
    void create(UUID postId, UUID userId, String title, String slug) {
        if (projectionOnlyTitleTaken(title)) {
            throw new DuplicateKeyException("the title of a post not adopted yet");
        }
        jdbc.sql("""
                        insert into post_heads (post_id, user_id, title_key, slug, writes)
                        values (:postId, :userId, :titleKey, :slug, 1)
                        """)
                .param("postId", postId)
                .param("userId", userId)
                .param("titleKey", titleKey(title))
                .param("slug", slug)
                .update();
    }

    /** Reserves the first free candidate of {@code base} for the post; the primary key decides races. */
    String reserveSlug(UUID postId, String base) {
        for (int attempt = 1; ; attempt++) {
            String candidate = Slugs.candidate(base, attempt);
            int reserved = jdbc.sql("""
                            insert into post_slugs (slug, post_id)
                            select :slug, :postId where not exists (select 1 from posts where slug = :slug and id <> :postId)
                            on conflict do nothing
                            """)
                    .param("slug", candidate)
                    .param("postId", postId)
                    .update();
            if (reserved == 1) {
                return candidate;
            }
        }
    }

    Optional<Head> bySlug(String slug) {
        Optional<Head> head = headBySlug(slug);
        if (head.isPresent()) {
            return head;
        }
        jdbc.sql("select id from posts where slug = :slug")
                .param("slug", slug)
                .query(UUID.class)
                .optional()
                .ifPresent(this::adopt);
        return headBySlug(slug);
    }

    /** The live post, locked: writes to one post are counted one at a time. */
    Optional<Head> lockLive(UUID postId) {
        adopt(postId);
        return jdbc.sql(HEAD + " where post_id = :postId and deleted_at is null for update")
                .param("postId", postId)
                .query(Head.class)
                .optional();
    }

    Optional<Head> byId(UUID postId) {
        adopt(postId);
        return jdbc.sql(HEAD + " where post_id = :postId")
                .param("postId", postId)
                .query(Head.class)
                .optional();
    }

    void countWrite(UUID postId) {
        jdbc.sql("update post_heads set writes = writes + 1 where post_id = :postId")
                .param("postId", postId)
                .update();
    }

    /** @throws DuplicateKeyException when another live post has this title */
    void retitle(UUID postId, String title, String slug) {
        if (projectionOnlyTitleTaken(title)) {
            throw new DuplicateKeyException("the title of a post not adopted yet");
        }
        jdbc.sql("update post_heads set title_key = :titleKey, slug = :slug where post_id = :postId")
                .param("postId", postId)
                .param("titleKey", titleKey(title))
                .param("slug", slug)
                .update();
    }

    void markDeleted(UUID postId) {
        jdbc.sql("update post_heads set deleted_at = now(), writes = writes + 1 where post_id = :postId")
                .param("postId", postId)
                .update();
    }

    static String titleKey(String title) {
        return title.trim().toLowerCase(Locale.ROOT);
    }

    private Optional<Head> headBySlug(String slug) {
        return jdbc.sql("""
                        select h.post_id, h.user_id, h.slug, h.writes, h.deleted_at from post_slugs s
                        join post_heads h on h.post_id = s.post_id where s.slug = :slug
                        """).param("slug", slug).query(Head.class).optional();
    }

    /** Makes the head of a post that exists only in the projection; nothing when it has one (or there is no post). */
    private void adopt(UUID postId) {
        int adopted = jdbc.sql("""
                        insert into post_heads (post_id, user_id, title_key, slug, writes)
                        select p.id, p.user_id, lower(p.title), p.slug, p.applied_writes from posts p
                        where p.id = :postId and not exists (select 1 from post_heads h where h.post_id = p.id)
                        on conflict do nothing
                        """).param("postId", postId).update();
        if (adopted == 1) {
            jdbc.sql(
                            "insert into post_slugs (slug, post_id) select slug, id from posts where id = :postId on conflict do nothing")
                    .param("postId", postId)
                    .update();
        }
    }

    private boolean projectionOnlyTitleTaken(String title) {
        return jdbc.sql("""
                        select exists (select 1 from posts p where lower(p.title) = :titleKey
                                       and not exists (select 1 from post_heads h where h.post_id = p.id))
                        """)
                .param("titleKey", titleKey(title))
                .query(Boolean.class)
                .single();
    }

    record Head(UUID postId, UUID userId, String slug, long writes, OffsetDateTime deletedAt) {

        boolean deleted() {
            return deletedAt != null;
        }
    }
}
