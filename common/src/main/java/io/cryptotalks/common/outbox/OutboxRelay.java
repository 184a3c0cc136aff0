package io.cryptotalks.common.outbox;

import io.cryptotalks.common.tracing.TraceParents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in the order they were written, then marks them published. A batch is published and marked
 * in one database transaction; if Kafka fails, nothing is marked and the batch is tried again later, so a record may
 * be published twice (consumers skip repeats by event id) but is never lost.
 * <p>
 * With several instances (gateways) on one database, one batch at a time is published across all of them: a batch
 * runs under a transaction-scoped PostgreSQL advisory lock, and an instance that does not get it skips its turn. Two
 * relays publishing neighbouring batches side by side could reorder one key's events on Kafka. There is no leader to
 * elect or hand over: the lock ends with the transaction, also when its instance dies (PostgreSQL rolls the
 * transaction back as the connection drops), and the next poll of any instance goes on from the first unmarked row.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String EVENT_TYPE_HEADER = "event-type";
    /** The advisory lock's key: "outbox" in ASCII, so that it reads as itself in {@code pg_locks}. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Timer publishLatency;
    private volatile boolean lastRunFailed;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            int batchSize,
            Duration sendTimeout,
            MeterRegistry meters) {
        this.publishLatency = Timer.builder("cryptotalks.outbox.publish.latency")
                .description("from an event's occurred-at (its request's transaction) to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(fixedDelayString = "${cryptotalks.outbox.poll-interval:100ms}")
    public void publishPending() {
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == batchSize);
            if (lastRunFailed) {
                log.info("outbox relay: Kafka reachable again, publishing resumed");
                lastRunFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastRunFailed) {
                log.warn("outbox relay: publishing failed, will retry: {}", e.getMessage());
            }
            lastRunFailed = true;
        }
    }

    /** @return how many rows were published */
    int publishBatch() {
        Integer published = transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK)
                    .query(Boolean.class)
                    .single()) {
                return 0; // another instance is publishing this turn
            }
            List<PendingRecord> batch = jdbc.sql("""
                            select seq, topic, message_key, event_type, envelope, occurred_at, trace_parent from outbox
                            where published_at is null order by seq limit :limit
                            """)
                    .param("limit", batchSize)
                    .query(PendingRecord.class)
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends =
                    batch.stream().map(this::send).toList();
            kafka.flush();
            for (CompletableFuture<SendResult<String, String>> send : sends) {
                awaitAcknowledgement(send);
            }
            Instant acknowledged = Instant.now();
            batch.forEach(row -> publishLatency.record(Duration.between(row.occurredAt(), acknowledged)));
            jdbc.sql("update outbox set published_at = now() where seq in (:seqs)")
                    .param("seqs", batch.stream().map(PendingRecord::seq).toList())
                    .update();
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    private CompletableFuture<SendResult<String, String>> send(PendingRecord pending) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(pending.topic(), pending.messageKey(), pending.envelope());
        record.headers().add(EVENT_TYPE_HEADER, pending.eventType().getBytes(StandardCharsets.UTF_8));
        if (pending.traceParent() != null) {
            record.headers().add(TraceParents.HEADER, pending.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        return kafka.send(record);
    }

    private void awaitAcknowledgement(CompletableFuture<SendResult<String, String>> send) {
        try {
            send.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox record: " + e.getMessage(), e);
        }
    }

    record PendingRecord(
            long seq,
            String topic,
            String messageKey,
            String eventType,
            String envelope,
            Instant occurredAt,
            String traceParent) {}
}
