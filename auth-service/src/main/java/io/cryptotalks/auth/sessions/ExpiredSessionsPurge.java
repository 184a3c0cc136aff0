package io.cryptotalks.auth.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The sessions table's owner keeps it small: sessions expired or revoked over 30 days ago are deleted hourly. */
@Component
class ExpiredSessionsPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsPurge.class);

    private final JdbcClient jdbc;

    ExpiredSessionsPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int purge() {
        int deleted = jdbc.sql("""
                        delete from sessions
                        where expires_at < now() - interval '30 days' or revoked_at < now() - interval '30 days'
                        """).update();
        if (deleted > 0) {
            log.info("purged {} old sessions", deleted);
        }
        return deleted;
    }
}
