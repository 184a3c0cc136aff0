package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.secondfactor.SecondFactor;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing posts (E19, E22–E26): the gateway decides what must be decided at once — the post's id, its unique title
 * and slug, authorship, existence — counts the write on the post's head and emits the event in the same transaction;
 * the posts-service applies it. The author's name comes from the users table, never from the body.
 */
@Service
class PostService {

    private final PostHeads heads;
    private final PostProjection projection;
    private final Cashtags cashtags;
    private final SecondFactor secondFactor;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    PostService(
            PostHeads heads,
            PostProjection projection,
            Cashtags cashtags,
            SecondFactor secondFactor,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.heads = heads;
        this.projection = projection;
        this.cashtags = cashtags;
        this.secondFactor = secondFactor;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    PostRequests.Created create(UUID userId, PostRequests.NewPost request) {
        var tags = PostRules.tags(request.searchTags());
        var content = PostRules.content(request.content());
        String title = request.title().trim();
        String preview = request.preview().trim();
        String username = usernameOf(userId);
        List<Cashtag> named = cashtags.of(texts(title, preview, content), List.of());
        UUID postId = UUID.randomUUID();
        String slug = Objects.requireNonNull(transactions.execute(status -> {
            String reserved = heads.reserveSlug(postId, Slugs.of(title));
            try {
                heads.create(postId, userId, title, reserved);
            } catch (DuplicateKeyException taken) {
                throw ApiError.POST_ALREADY_EXISTS.exception();
            }
            outbox.append(new PostCreated(postId, userId, username, title, reserved, content, preview, tags, named));
            return reserved;
        }));
        return new PostRequests.Created("success", postId.toString(), slug);
    }

    PostRequests.Updated update(UUID userId, UUID postId, PostRequests.PostChanges changes) {
        PostView current = authored(userId, postId);
        String title = changes.title() == null ? current.title : changes.title().trim();
        var tags = changes.searchTags() == null ? current.searchTags : PostRules.tags(changes.searchTags());
        var content = changes.content() == null ? current.content : PostRules.content(changes.content());
        String preview =
                changes.preview() == null ? current.preview : changes.preview().trim();
        List<Cashtag> named = cashtags.of(texts(title, preview, content), current.cashtags);
        String slug = Objects.requireNonNull(transactions.execute(status -> {
            heads.lockLive(postId).orElseThrow(ApiError.POST_NOT_FOUND::exception);
            String next = current.slug;
            if (!PostHeads.titleKey(title).equals(PostHeads.titleKey(current.title))) {
                next = heads.reserveSlug(postId, Slugs.of(title));
            }
            try {
                heads.retitle(postId, title, next);
            } catch (DuplicateKeyException taken) {
                throw ApiError.POST_ALREADY_EXISTS.exception();
            }
            heads.countWrite(postId);
            outbox.append(new PostUpdated(postId, title, next, content, preview, tags, named));
            return next;
        }));
        return new PostRequests.Updated("success", slug);
    }

    Optional<MessageResponse> delete(UUID userId, UUID postId, String twoFaCode, String code) {
        authored(userId, postId);
        Optional<MessageResponse> challenge = secondFactor.challenge(userId, Purpose.DELETE_POST, twoFaCode, code);
        if (challenge.isPresent()) {
            return challenge;
        }
        transactions.executeWithoutResult(status -> {
            heads.lockLive(postId).orElseThrow(ApiError.POST_NOT_FOUND::exception);
            heads.markDeleted(postId);
            outbox.append(new PostDeleted(postId, userId));
        });
        return Optional.empty();
    }

    UUID comment(UUID userId, UUID postId, String comment) {
        UUID commentId = UUID.randomUUID();
        String username = usernameOf(userId);
        write(postId, head -> new CommentAdded(postId, commentId, userId, username, comment.strip()));
        return commentId;
    }

    void ratePost(UUID userId, UUID postId, String rate) {
        String sign = PostRules.rate(rate);
        String username = usernameOf(userId);
        write(postId, head -> new PostRated(postId, userId, username, sign));
    }

    void rateComment(UUID userId, UUID postId, UUID commentId, String rate) {
        String sign = PostRules.rate(rate);
        String username = usernameOf(userId);
        write(postId, head -> {
            if (!projection.hasComment(head, commentId)) {
                throw ApiError.COMMENT_DOESNT_EXIST.exception();
            }
            return new CommentRated(postId, commentId, userId, username, sign);
        });
    }

    /** One event for a live post, counted on its head in the same transaction. */
    private void write(UUID postId, Function<PostHeads.Head, DomainEvent> event) {
        transactions.executeWithoutResult(status -> {
            PostHeads.Head head = heads.lockLive(postId).orElseThrow(ApiError.POST_NOT_FOUND::exception);
            DomainEvent next = event.apply(head);
            heads.countWrite(postId);
            outbox.append(next);
        });
    }

    private PostView authored(UUID userId, UUID postId) {
        PostHeads.Head head =
                heads.byId(postId).filter(found -> !found.deleted()).orElseThrow(ApiError.POST_NOT_FOUND::exception);
        if (!head.userId().equals(userId)) {
            throw ApiError.WRONG_USER.exception();
        }
        return projection.load(head, userId, CommentWindow.FIRST).orElseThrow(ApiError.POST_NOT_FOUND::exception);
    }

    /** What a post's cashtags are found in: its title, preview and content. */
    private static List<String> texts(String title, String preview, List<String> content) {
        List<String> texts = new ArrayList<>(List.of(title, preview));
        texts.addAll(content);
        return texts;
    }

    private String usernameOf(UUID userId) {
        return jdbc.sql("select username from users where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional()
                .orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
    }
}
