package io.cryptotalks.users.notifications;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications the posts topic causes. A post's events are keyed by the post, so its creation is applied before
 * its comments and votes. Each user hears of one comment once, by the strongest reason: a mention, else the post is
 * theirs, else they commented on it before. A post or comment notifies a mentioned user once: an edit notifies only
 * the users it newly mentions ({@code notification_mentions}).
 */
@Component
public class PostNotifications {

    private final JdbcClient jdbc;
    private final Mentions mentions;
    private final NotificationStore store;
    private final NotificationEmails emails;

    PostNotifications(JdbcClient jdbc, Mentions mentions, NotificationStore store, NotificationEmails emails) {
        this.jdbc = jdbc;
        this.mentions = mentions;
        this.store = store;
        this.emails = emails;
    }

    public void created(PostCreated event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into notification_posts (post_id, author_id, title, slug) values (?, ?, ?, ?)
                        on conflict (post_id) do nothing""")
                .params(event.postId(), event.userId(), event.title(), event.slug())
                .update();
        mentioned(
                event.postId(),
                event.userId(),
                event.username(),
                event.postId(),
                null,
                texts(event.title(), event.content()),
                envelope);
    }

    public void updated(PostUpdated event, EventEnvelope envelope) {
        jdbc.sql("update notification_posts set title = ?, slug = ? where post_id = ?")
                .params(event.title(), event.slug(), event.postId())
                .update();
        authorOf(event.postId())
                .ifPresent(author -> mentioned(
                        event.postId(),
                        author,
                        usernameOf(author),
                        event.postId(),
                        null,
                        texts(event.title(), event.content()),
                        envelope));
    }

    public void deleted(PostDeleted event, EventEnvelope envelope) {
        store.forgetPost(event.postId());
        jdbc.sql("delete from notification_commenters where post_id = ?")
                .params(event.postId())
                .update();
        jdbc.sql("delete from notification_posts where post_id = ?")
                .params(event.postId())
                .update();
    }

    public void commented(CommentAdded event, EventEnvelope envelope) {
        Optional<UUID> author = authorOf(event.postId());
        if (author.isEmpty()) {
            return; // a post deleted meanwhile
        }
        Set<UUID> told = mentioned(
                event.commentId(),
                event.userId(),
                event.username(),
                event.postId(),
                event.commentId(),
                List.of(event.payload()),
                envelope);
        if (told.add(author.get())) {
            notify(author.get(), NotificationType.COMMENT, event, envelope);
        }
        for (UUID commenter : jdbc.sql("select user_id from notification_commenters where post_id = ?")
                .param(event.postId())
                .query(UUID.class)
                .list()) {
            if (told.add(commenter)) {
                notify(commenter, NotificationType.REPLY, event, envelope);
            }
        }
        jdbc.sql("insert into notification_commenters (post_id, user_id) values (?, ?) on conflict do nothing")
                .params(event.postId(), event.userId())
                .update();
    }

    public void rated(PostRated event, EventEnvelope envelope) {
        authorOf(event.postId())
                .ifPresent(author -> store.vote(author, event.userId(), event.postId(), envelope.occurredAt()));
    }

    private void notify(UUID userId, NotificationType type, CommentAdded event, EventEnvelope envelope) {
        if (store.add(userId, type, event.userId(), event.postId(), event.commentId(), envelope.occurredAt())) {
            emails.about(envelope, userId, type, event.username(), event.postId());
        }
    }

    /** Notifies the users the texts newly mention; who was mentioned, new or not. */
    private Set<UUID> mentioned(
            UUID sourceId,
            UUID writer,
            String writerName,
            UUID postId,
            UUID commentId,
            List<String> texts,
            EventEnvelope envelope) {
        Set<UUID> named = new LinkedHashSet<>(mentions.in(texts));
        named.remove(writer);
        for (UUID user : named) {
            if (jdbc.sql("insert into notification_mentions (source_id, user_id) values (?, ?) on conflict do nothing")
                            .params(sourceId, user)
                            .update()
                    == 1) {
                if (store.add(user, NotificationType.MENTION, writer, postId, commentId, envelope.occurredAt())) {
                    emails.about(envelope, user, NotificationType.MENTION, writerName, postId);
                }
            }
        }
        return named;
    }

    private String usernameOf(UUID userId) {
        return jdbc.sql("select username from users where id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElse("someone");
    }

    private Optional<UUID> authorOf(UUID postId) {
        return jdbc.sql("select author_id from notification_posts where post_id = ?")
                .param(postId)
                .query(UUID.class)
                .optional();
    }

    private static List<String> texts(String title, List<String> content) {
        List<String> texts = new ArrayList<>();
        texts.add(title);
        if (content != null) {
            texts.addAll(content);
        }
        return texts;
    }
}
