package io.cryptotalks.cryptorates.sync;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling, with ShedLock's lock on the {@code shedlock} table (migration V1_1). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class MarketLockConfiguration {

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        /*
         * The instances' clocks, sent as UTC instants: the table's columns are timestamptz, and ShedLock's database-time
         * statements for PostgreSQL write a UTC wall-clock timestamp that timestamptz would read in each session's own
         * zone. Clock skew of seconds is nothing against a lock held for minutes.
         */
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .forceUtcTimeZone()
                .build());
    }
}
