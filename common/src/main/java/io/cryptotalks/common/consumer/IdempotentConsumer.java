package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event at most once: the event id is recorded in the consumer's own processed-events table in the same
 * transaction as the effect, so a redelivered event finds its id and is skipped, and a failed effect leaves no id.
 */
public class IdempotentConsumer {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String insertSql;
    private final MeterRegistry meters;

    public IdempotentConsumer(
            JdbcClient jdbc, TransactionTemplate transactions, String processedEventsTable, MeterRegistry meters) {
        if (!TABLE_NAME.matcher(processedEventsTable).matches()) {
            throw new IllegalArgumentException("not a table name: " + processedEventsTable);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        this.insertSql = "insert into " + processedEventsTable + " (event_id, event_type) values (:eventId, :type)"
                + " on conflict (event_id) do nothing";
    }

    /** @return false when the event had been applied before and was skipped */
    public boolean apply(EventEnvelope envelope, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.sql(insertSql)
                    .param("eventId", envelope.eventId())
                    .param("type", envelope.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        if (Boolean.TRUE.equals(applied)) {
            // the event's end-to-end age: from the request that caused it (occurred-at) to its commit here
            meters.counter("cryptotalks.events.applied", "type", envelope.type())
                    .increment();
            Timer.builder("cryptotalks.event.age")
                    .description("from an event's occurred-at to its commit by this worker")
                    .tag("type", envelope.type())
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(envelope.occurredAt(), Instant.now()));
        }
        return Boolean.TRUE.equals(applied);
    }
}
