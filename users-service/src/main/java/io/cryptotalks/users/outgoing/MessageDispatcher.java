package io.cryptotalks.users.outgoing;

import io.cryptotalks.common.tracing.TraceParents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due rows of {@code outgoing_messages}, one row per transaction: the row is claimed with {@code FOR UPDATE SKIP
 * LOCKED} (so several instances never send the same row), handed to its channel's sender, and marked sent — or, on
 * failure, given a later attempt with exponential back-off, until it fails for good. A final row has its text and links
 * blanked (they hold live tokens). Runs after each commit that queued a message, and on a schedule for the retries.
 * Each attempt runs in the trace of the event that queued the message.
 */
@Component
class MessageDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Senders senders;
    private final Clock clock;
    private final TraceParents traceParents;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "outgoing-messages"));
    private final AtomicBoolean requested = new AtomicBoolean();

    MessageDispatcher(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Senders senders,
            Clock clock,
            TraceParents traceParents) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.senders = senders;
        this.clock = clock;
        this.traceParents = traceParents;
    }

    /** Dispatch on the dispatcher's own thread, so the consumer does not wait for providers; requests coalesce. */
    void dispatchSoon() {
        if (requested.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    requested.set(false);
                    dispatchDue();
                });
            } catch (RejectedExecutionException shuttingDown) {
                // the rows stay due: the next start sends them
                requested.set(false);
            }
        }
    }

    @Scheduled(
            fixedDelayString = "${cryptotalks.outgoing.retry-interval:PT30S}",
            initialDelayString = "${cryptotalks.outgoing.retry-interval:PT30S}")
    void retryDue() {
        dispatchSoon();
    }

    /** @return how many rows this run handled (sent or not) */
    int dispatchDue() {
        int handled = 0;
        try {
            while (handled < BATCH && Boolean.TRUE.equals(transactions.execute(status -> dispatchOne()))) {
                handled++;
            }
        } catch (RuntimeException e) {
            log.error("dispatching outgoing messages failed; the next run retries: {}", e.toString());
        }
        return handled;
    }

    private boolean dispatchOne() {
        Optional<Claimed> claimed = jdbc.sql("""
                        select id, idempotency_key, user_id, channel, recipient, subject, body, links, attempts, trace_parent
                        from outgoing_messages
                        where sent_at is null and failed_at is null and next_attempt_at <= :now
                        order by next_attempt_at
                        limit 1
                        for update skip locked
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Claimed(
                        (UUID) rs.getObject("id"),
                        rs.getInt("attempts"),
                        rs.getString("trace_parent"),
                        new OutgoingMessage(
                                rs.getString("idempotency_key"),
                                (UUID) rs.getObject("user_id"),
                                Channel.of(rs.getString("channel")),
                                rs.getString("recipient"),
                                rs.getString("subject"),
                                rs.getString("body"),
                                List.of((String[]) rs.getArray("links").getArray()))))
                .optional();
        claimed.ifPresent(message -> traceParents.continueTrace(
                message.traceParent(), "send " + message.message().channel().column(), () -> send(message)));
        return claimed.isPresent();
    }

    private void send(Claimed claimed) {
        int attempts = claimed.attempts() + 1;
        try {
            senders.of(claimed.message().channel()).send(claimed.message());
            jdbc.sql("""
                            update outgoing_messages set sent_at = :now, attempts = :attempts, last_error = null,
                                   body = '', links = '{}'
                            where id = :id
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("attempts", attempts)
                    .param("id", claimed.id())
                    .update();
            log.info(
                    "sent {} {}",
                    claimed.message().channel().column(),
                    claimed.message().idempotencyKey());
        } catch (MessageSender.NotSendable e) {
            fail(claimed, attempts, e.getMessage());
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= MAX_ATTEMPTS) {
                log.error(
                        "{} to {} failed for good after {} attempts: {}",
                        claimed.message().channel().column(),
                        claimed.message().to(),
                        attempts,
                        error);
                fail(claimed, attempts, error);
            } else {
                Duration wait = backOff(attempts);
                log.warn(
                        "{} to {} not sent (attempt {}), retrying in {}: {}",
                        claimed.message().channel().column(),
                        claimed.message().to(),
                        attempts,
                        wait,
                        error);
                jdbc.sql("""
                                update outgoing_messages set attempts = :attempts, last_error = :error,
                                       next_attempt_at = :next
                                where id = :id
                                """)
                        .param("attempts", attempts)
                        .param("error", truncate(error))
                        .param("next", Timestamp.from(clock.instant().plus(wait)))
                        .param("id", claimed.id())
                        .update();
            }
        }
    }

    private void fail(Claimed claimed, int attempts, String error) {
        jdbc.sql("""
                        update outgoing_messages set failed_at = :now, attempts = :attempts, last_error = :error,
                               body = '', links = '{}'
                        where id = :id
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("attempts", attempts)
                .param("error", truncate(error))
                .param("id", claimed.id())
                .update();
    }

    static Duration backOff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private record Claimed(UUID id, int attempts, String traceParent, OutgoingMessage message) {}
}
