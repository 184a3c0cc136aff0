package io.cryptotalks.common.rebuild;

import io.cryptotalks.common.consumer.DeadLetterRedrive;
import io.cryptotalks.common.operations.ConsumerBacklog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Rebuilds a worker's tables from the Kafka log, in two steps around the worker's own restart (the launcher, or an
 * operator scaling a deployment, stops and starts it): {@link #reset} while no instance runs — the group's offsets to
 * the earliest, then the scope emptied in one transaction — and {@link #awaitCaughtUp} once the instances are back.
 * The offsets move first: if the truncation then fails, the replay only meets processed events and changes nothing.
 */
public final class Rebuild {

    private static final Duration POLL = Duration.ofMillis(250);

    private final RebuildScope scope;
    private final Supplier<Admin> admins;
    private final DataSource database;

    /**
     * @param admins   a new admin client per call (closed after it)
     * @param database the worker's database
     */
    public Rebuild(RebuildScope scope, Supplier<Admin> admins, DataSource database) {
        this.scope = scope;
        this.admins = admins;
        this.database = database;
    }

    /**
     * What {@link #reset} did.
     *
     * @param recordsToReread   records the group had consumed, which it now reads again
     * @param processedDeleted  processed-event rows deleted, so those events apply again
     * @param processedKept     processed-event rows left (events outside the scope, which replay skips)
     * @param at                the database's time of the truncation
     */
    public record Reset(long recordsToReread, long processedDeleted, long processedKept, Instant at) {}

    /**
     * What the replay did.
     *
     * @param reapplied events applied again (processed-event rows written since the reset)
     * @param took      from the reset to the group's lag 0
     */
    public record CaughtUp(long reapplied, Duration took) {}

    /** Only while no instance of the worker consumes: waits (up to {@code timeout}) for its group to empty. */
    public Reset reset(Duration timeout) {
        long reread;
        try (Admin admin = admins.get()) {
            GroupOffsets offsets = new GroupOffsets(admin, scope.group(), scope.topics());
            offsets.awaitNoMembers(timeout);
            reread = offsets.resetToEarliest();
        }
        long before = processed();
        truncate();
        long kept = processed();
        return new Reset(reread, before - kept, kept, databaseNow());
    }

    /** Records on the worker's topics its group has not consumed yet. */
    public long lag() {
        return new ConsumerBacklog(admins, scope.group(), DeadLetterRedrive.groupOf(scope.group()), scope.topics())
                .measure().values().stream()
                        .mapToLong(ConsumerBacklog.TopicBacklog::lag)
                        .sum();
    }

    /** Once the worker runs again: until its group's lag on its topics is 0 (or {@code timeout} passes). */
    public CaughtUp awaitCaughtUp(Reset reset, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long lag = lag();
        while (lag != 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(scope.group() + " still has a lag of " + lag + " after "
                        + timeout.toSeconds() + " s; is it running?");
            }
            pause();
            lag = lag();
        }
        return new CaughtUp(processed() - reset.processedKept(), Duration.between(reset.at(), databaseNow()));
    }

    private void truncate() {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ScriptUtils.executeSqlScript(connection, scope.script());
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild scope " + scope.script() + " failed: " + e.getMessage(), e);
        }
    }

    /** The database's clock: the reset and the catch-up may run in different processes, even on different hosts. */
    private Instant databaseNow() {
        return JdbcClient.create(database)
                .sql("select now()")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private long processed() {
        return JdbcClient.create(database)
                .sql("select count(*) from " + scope.processedEventsTable())
                .query(Long.class)
                .single();
    }

    private static void pause() {
        try {
            // polling the broker's committed offsets, which another process moves
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replay", e);
        }
    }
}
