package io.cryptotalks.users.mail;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * Keeps messages in the {@code dev_mailbox} table instead of sending them. It writes in the consumer's transaction,
 * so a message exists exactly when its event was applied; the gateway serves the table at {@code GET /api/dev/mailbox}.
 */
class DevMailbox implements Mailer {

    private final JdbcClient jdbc;

    DevMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(OutgoingMessage message) {
        jdbc.sql("""
                        insert into dev_mailbox (id, idempotency_key, channel, recipient, subject, body, links)
                        values (:id, :key, 'email', :to, :subject, :body, :links)
                        on conflict (idempotency_key) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("key", message.idempotencyKey())
                .param("to", message.to())
                .param("subject", message.subject())
                .param("body", message.text())
                .param("links", message.links().toArray(String[]::new))
                .update();
    }
}
