package io.cryptotalks.gateway.notifications;

import io.cryptotalks.gateway.web.ApiError;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's notifications as they last left them: the users-service's {@code notifications} rows with the caller's
 * own pending "mark read" events laid over them ({@link PendingReads}), in one REPEATABLE READ snapshot.
 */
@Service
class Notifications {

    static final int MAX_PAGE_SIZE = 100;

    /** Only unread rows the pending reads do not cover; the arrays are bound, never spliced. */
    private static final String UNREAD = """
            select count(*) from notifications
            where user_id = :user and not read and id > :upTo and not (id = any(cast(:ids as bigint[])))""";

    private final JdbcClient jdbc;
    private final PendingReads pending;
    private final TransactionTemplate snapshot;

    Notifications(JdbcClient jdbc, PendingReads pending, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    NotificationResponses.Page page(UUID caller, int page, int pageSize) {
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception("page must be 0 or more and pageSize 1 to " + MAX_PAGE_SIZE);
        }
        return Objects.requireNonNull(snapshot.execute(status -> {
            PendingReads.Pending mine = pending.of(caller);
            long count = jdbc.sql("select count(*) from notifications where user_id = :user")
                    .param("user", caller)
                    .query(Long.class)
                    .single();
            // the join leaves out notifications by accounts closed since
            List<NotificationResponses.Notification> rows = jdbc
                    .sql("""
                            select n.id, n.type, u.username as actor, n.actors, n.post_id, p.title as post_title,
                                   p.slug as post_slug, n.comment_id, n.read, n.created_at, n.updated_at
                            from notifications n
                            join users u on u.id = n.actor_id
                            left join notification_posts p on p.post_id = n.post_id
                            where n.user_id = :user order by n.id desc limit :limit offset :offset""")
                    .param("user", caller)
                    .param("limit", pageSize)
                    .param("offset", (long) page * pageSize)
                    .query(NotificationResponses.Notification.class)
                    .list()
                    .stream()
                    .map(row -> !row.read() && mine.covers(row.id()) ? row.markedRead() : row)
                    .toList();
            return new NotificationResponses.Page(count, unread(caller, mine), rows);
        }));
    }

    long unreadCount(UUID caller) {
        return Objects.requireNonNull(snapshot.execute(status -> unread(caller, pending.of(caller))));
    }

    /** Whether the caller has a notification with this id. */
    boolean owns(UUID caller, long id) {
        return jdbc.sql("select exists (select 1 from notifications where id = :id and user_id = :user)")
                .param("id", id)
                .param("user", caller)
                .query(Boolean.class)
                .single();
    }

    /** The newest notification id the caller has, 0 when none. */
    long newestId(UUID caller) {
        return jdbc.sql("select coalesce(max(id), 0) from notifications where user_id = :user")
                .param("user", caller)
                .query(Long.class)
                .single();
    }

    private long unread(UUID caller, PendingReads.Pending mine) {
        return jdbc.sql(UNREAD)
                .param("user", caller)
                .param("upTo", mine.upTo())
                .param("ids", mine.ids().toArray(Long[]::new))
                .query(Long.class)
                .single();
    }
}
