package io.cryptotalks.users.outgoing;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Development only ({@code DEV_MAILBOX=true}): keeps email and SMS in the {@code dev_mailbox} table, served by the
 * gateway at {@code GET /api/dev/mailbox}. It writes in the dispatcher's transaction that marks the row sent, and the
 * idempotency key is unique there too, so each message lands exactly once. The mailbox keeps the text and links.
 */
class DevMailboxSender implements MessageSender {

    private final JdbcClient jdbc;

    DevMailboxSender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(OutgoingMessage message) {
        jdbc.sql("""
                        insert into dev_mailbox (id, idempotency_key, channel, recipient, subject, body, links)
                        values (:id, :key, :channel, :to, :subject, :body, :links)
                        on conflict (idempotency_key) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("key", message.idempotencyKey())
                .param("channel", message.channel().column())
                .param("to", message.to())
                .param("subject", message.subject())
                .param("body", message.text())
                .param("links", message.links().toArray(String[]::new))
                .update();
    }
}
