package io.cryptotalks.users.outgoing;

import io.cryptotalks.common.tracing.TraceParents;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where handlers put the email and SMS their event causes. {@link #queue} only inserts a row, in the consumer's
 * transaction; once that transaction commits the dispatcher sends it. A rolled-back event leaves no row, and a
 * redelivered one finds its idempotency key taken and queues nothing.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final MessageDispatcher dispatcher;
    private final TraceParents traceParents;

    Outbox(JdbcClient jdbc, MessageDispatcher dispatcher, TraceParents traceParents) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.traceParents = traceParents;
    }

    public void queue(OutgoingMessage message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("messages are queued inside the transaction of the event that causes them");
        }
        jdbc.sql("""
                        insert into outgoing_messages
                            (id, idempotency_key, user_id, channel, recipient, subject, body, links, trace_parent)
                        values (:id, :key, :userId, :channel, :to, :subject, :body, :links, :traceParent)
                        on conflict (idempotency_key) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("key", message.idempotencyKey())
                .param("userId", message.userId())
                .param("channel", message.channel().column())
                .param("to", message.to())
                .param("subject", message.subject())
                .param("body", message.text())
                .param("links", message.links().toArray(String[]::new))
                .param("traceParent", traceParents.current())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }
}
