package io.cryptotalks.common.outbox;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes published outbox rows once they are older than the retention, so the table stays small. */
public class OutboxCleaner {

    private final JdbcClient jdbc;
    private final Duration retention;

    public OutboxCleaner(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int deletePublished() {
        return jdbc.sql("delete from outbox where published_at < now() - make_interval(secs => :seconds)")
                .param("seconds", retention.toSeconds())
                .update();
    }
}
