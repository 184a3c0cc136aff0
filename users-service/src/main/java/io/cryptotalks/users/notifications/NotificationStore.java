package io.cryptotalks.users.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code notifications} rows; every call runs in the consumer's transaction. */
@Component
class NotificationStore {

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final LiveNotices live;

    NotificationStore(JdbcClient jdbc, Preferences preferences, LiveNotices live) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.live = live;
    }

    /** A new notification, unless it would tell users about themselves or they turned its type off; whether made. */
    boolean add(UUID userId, NotificationType type, UUID actorId, UUID postId, UUID commentId, Instant at) {
        if (userId.equals(actorId) || !preferences.wants(userId, type)) {
            return false;
        }
        jdbc.sql("""
                        insert into notifications (user_id, type, actor_id, post_id, comment_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, type.name(), actorId, postId, commentId, Timestamp.from(at), Timestamp.from(at))
                .update();
        live.changed(userId);
        return true;
    }

    /**
     * A vote on the author's post: counted in the post's unread rating notification (made if there is none), once
     * per voter; its {@code updated_at} records the newest vote, and it keeps its place in the list (ordered by id).
     */
    void vote(UUID authorId, UUID voterId, UUID postId, Instant at) {
        if (authorId.equals(voterId) || !preferences.wants(authorId, NotificationType.RATING)) {
            return;
        }
        Long id = jdbc.sql("""
                        insert into notifications (user_id, type, actor_id, post_id, actors, created_at, updated_at)
                        values (?, 'RATING', ?, ?, 0, ?, ?)
                        on conflict (user_id, post_id) where type = 'RATING' and not read do update set user_id = excluded.user_id
                        returning id""")
                .params(authorId, voterId, postId, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class)
                .single();
        if (jdbc.sql("insert into notification_voters (notification_id, user_id) values (?, ?) on conflict do nothing")
                        .params(id, voterId)
                        .update()
                == 1) {
            jdbc.sql("""
                            update notifications set actors = actors + 1, actor_id = ?, updated_at = ?,
                                                     changed_seq = nextval('notification_changes')
                            where id = ?""").params(voterId, Timestamp.from(at), id).update();
            live.changed(authorId);
        }
    }

    void read(UUID userId, long id) {
        int read = jdbc.sql("""
                        update notifications set read = true, changed_seq = nextval('notification_changes')
                        where id = ? and user_id = ? and not read""").params(id, userId).update();
        if (read > 0) {
            live.changed(userId);
        }
    }

    void readAll(UUID userId, long upToId) {
        int read = jdbc.sql("""
                        update notifications set read = true, changed_seq = nextval('notification_changes')
                        where user_id = ? and id <= ? and not read""").params(userId, upToId).update();
        if (read > 0) {
            live.changed(userId);
        }
    }

    /** A deleted post's notifications go with it. */
    void forgetPost(UUID postId) {
        jdbc
                .sql("delete from notifications where post_id = ? returning user_id")
                .params(postId)
                .query(UUID.class)
                .list()
                .stream()
                .distinct()
                .forEach(live::changed);
    }
}
