package io.cryptotalks.posts.authors;

import io.cryptotalks.common.events.EventEnvelope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed accounts, for the writes that race the closing: a comment or vote emitted before the account was closed
 * travels on the posts topic while the closing travels on the users topic, so either may be applied first. The
 * closing takes the author's lock exclusively and marks the author closed before deleting their content; every write
 * takes it shared and then checks the mark — so a write is either applied before the closing (and deleted by it) or
 * sees the mark (and is dropped). Both run in the consumer's transaction, which releases the lock.
 */
@Component
public class Authors {

    private static final String LOCK_KEY = "hashtextextended(cast(:userId as text), 0)";

    private static final Logger log = LoggerFactory.getLogger(Authors.class);

    private final JdbcClient jdbc;

    Authors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the author may still write (a write that may not is logged as skipped); call it in the write's transaction. */
    public boolean open(UUID userId, EventEnvelope envelope) {
        // two statements: the check must read after the lock is held, with a snapshot newer than a closing it waited on
        jdbc.sql("select pg_advisory_xact_lock_shared(" + LOCK_KEY + ")")
                .param("userId", userId)
                .query()
                .listOfRows();
        boolean closed = jdbc.sql(
                        "select exists (select 1 from post_authors where user_id = :userId and closed_at is not null)")
                .param("userId", userId)
                .query(Boolean.class)
                .single();
        if (closed) {
            log.warn("skipped {} {}: the account of user {} is closed", envelope.type(), envelope.eventId(), userId);
        }
        return !closed;
    }

    /** Marks the author closed; their content is then deleted in the same transaction. */
    public void close(UUID userId, Instant at) {
        jdbc.sql("select pg_advisory_xact_lock(" + LOCK_KEY + ")")
                .param("userId", userId)
                .query()
                .listOfRows();
        jdbc.sql("""
                        insert into post_authors (user_id, closed_at) values (:userId, :at)
                        on conflict (user_id) do update set closed_at = coalesce(post_authors.closed_at, excluded.closed_at)
                        """)
                .param("userId", userId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
