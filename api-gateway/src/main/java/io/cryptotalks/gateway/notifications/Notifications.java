package io.cryptotalks.gateway.notifications;

import io.cryptotalks.gateway.web.ApiError;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
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

    /**
     * A notification's columns and joins, for the list and the live stream alike; the join leaves out notifications
     * by accounts closed since.
     */
    private static final String ROWS = """
            n.id, n.type, u.username as actor, n.actors, n.post_id, p.title as post_title, p.slug as post_slug,
                   n.comment_id, n.read, n.created_at, n.updated_at
            from notifications n
            join users u on u.id = n.actor_id
            left join notification_posts p on p.post_id = n.post_id""";

    private static final RowMapper<NotificationResponses.Notification> NOTIFICATION =
            new DataClassRowMapper<>(NotificationResponses.Notification.class);

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
            List<NotificationResponses.Notification> rows = jdbc
                    .sql("""
                            select %s
                            where n.user_id = :user order by n.id desc limit :limit offset :offset""".formatted(ROWS))
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

    /**
     * What changed in the caller's notifications after the live stream's position {@code after} (oldest first, at
     * most {@code limit}; none when {@code after} is null), the unread count and the new position, in one snapshot.
     */
    Changes changesAfter(UUID caller, Long after, int limit) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            PendingReads.Pending mine = pending.of(caller);
            if (after == null) {
                return new Changes(List.of(), unread(caller, mine), lastChange(caller));
            }
            List<Changed> rows = jdbc
                    .sql("""
                            select n.changed_seq, %s
                            where n.user_id = :user and n.changed_seq > :after
                            order by n.changed_seq limit :limit""".formatted(ROWS))
                    .param("user", caller)
                    .param("after", after)
                    .param("limit", limit)
                    .query((rs, row) -> new Changed(rs.getLong("changed_seq"), NOTIFICATION.mapRow(rs, row)))
                    .list()
                    .stream()
                    .map(changed -> !changed.notification().read()
                                    && mine.covers(changed.notification().id())
                            ? new Changed(changed.seq(), changed.notification().markedRead())
                            : changed)
                    .toList();
            long position = rows.isEmpty()
                    ? Math.max(after, lastChange(caller))
                    : rows.getLast().seq();
            return new Changes(rows, unread(caller, mine), position);
        }));
    }

    /** The newest change of each of these users' notifications (users without any are left out). */
    Map<UUID, Long> lastChanges(Collection<UUID> users) {
        Map<UUID, Long> last = new HashMap<>();
        jdbc.sql("""
                        select user_id, max(changed_seq) as last from notifications
                        where user_id = any(cast(:users as uuid[])) group by user_id""").param("users", users.toArray(UUID[]::new)).query(rs -> {
            last.put(rs.getObject("user_id", UUID.class), rs.getLong("last"));
        });
        return last;
    }

    private long lastChange(UUID caller) {
        return jdbc.sql("select coalesce(max(changed_seq), 0) from notifications where user_id = :user")
                .param("user", caller)
                .query(Long.class)
                .single();
    }

    record Changed(long seq, NotificationResponses.Notification notification) {}

    record Changes(List<Changed> rows, long unread, long position) {}

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
