package io.cryptotalks.cryptorates.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.cryptorates.CoinrankingBody;
import io.cryptotalks.cryptorates.MarketApis;
import io.cryptotalks.cryptorates.WithMarketApis;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scheduled job takes ShedLock's lock: one sync at a time across instances, a taken lock skips the turn. */
class MarketScheduleTests extends WithMarketApis {

    @Autowired
    MarketSchedule schedule;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noOneHoldsTheLock() {
        // other test contexts of this JVM run their start-up job under the same lock
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from shedlock where name = ? and lock_until > now()")
                                .param(MarketSchedule.LOCK)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @AfterEach
    void releaseTheLock() {
        jdbc.sql("update shedlock set lock_until = now() where name = ?")
                .param(MarketSchedule.LOCK)
                .update();
    }

    @Test
    void twoRefreshesAtOnceSyncOnce() throws Exception {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        // a slow answer keeps the first run inside its lock while the second tries
        MarketApis.failCoins(okJson(market.json()).withFixedDelay(700));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = instances.submit(() -> refreshAfter(go));
            Future<?> second = instances.submit(() -> refreshAfter(go));
            go.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            instances.shutdownNow();
        }

        MarketApis.server().verify(1, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
        assertThat(jdbc.sql("select count(*) from cryptocurrencies where uuid = ?")
                        .param(market.uuid(0))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLockHeldByAnotherInstanceSkipsTheTurn() {
        MarketApis.serveCoins(CoinrankingBody.recordedWithNewCoins().json());
        jdbc.sql("""
                        insert into shedlock (name, lock_until, locked_at, locked_by)
                        values (?, now() + interval '10 minutes', now(), 'another-instance')
                        on conflict (name) do update set lock_until = excluded.lock_until,
                            locked_at = excluded.locked_at, locked_by = excluded.locked_by
                        """).param(MarketSchedule.LOCK).update();

        schedule.refresh();

        MarketApis.server().verify(0, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
    }

    @Test
    void withTheLockFreeTheRefreshSyncs() {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        MarketApis.serveCoins(market.json());

        schedule.refresh();

        MarketApis.server().verify(1, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
        assertThat(jdbc.sql("select count(*) from cryptocurrencies where uuid = ?")
                        .param(market.uuid(0))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void refreshAfter(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        schedule.refresh();
    }
}
