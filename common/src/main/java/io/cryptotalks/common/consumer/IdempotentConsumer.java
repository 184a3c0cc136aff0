package io.cryptotalks.common.consumer;

import io.cryptotalks.common.events.EventEnvelope;
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

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions, String processedEventsTable) {
        if (!TABLE_NAME.matcher(processedEventsTable).matches()) {
            throw new IllegalArgumentException("not a table name: " + processedEventsTable);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        return Boolean.TRUE.equals(applied);
    }
}
