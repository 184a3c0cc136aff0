package io.cryptotalks.common.operations;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox rows the relay has not published yet: what waits to reach Kafka. */
public class OutboxBacklog {

    private final JdbcClient jdbc;

    public OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long unpublished() {
        // answered by the partial index outbox_unpublished_idx
        return jdbc.sql("select count(*) from outbox where published_at is null")
                .query(Long.class)
                .single();
    }
}
