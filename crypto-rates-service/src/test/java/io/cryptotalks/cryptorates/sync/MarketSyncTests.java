package io.cryptotalks.cryptorates.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.cryptorates.CoinrankingBody;
import io.cryptotalks.cryptorates.MarketApis;
import io.cryptotalks.cryptorates.MarketTopic;
import io.cryptotalks.cryptorates.WithMarketApis;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** A sync against the stub Coinranking, with the recorded answer and variations of it. */
class MarketSyncTests extends WithMarketApis {

    @Autowired
    MarketSync sync;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theFirstRunInsertsTheCoinsTheStatsAndAPricePointThenNotifies() throws Exception {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        MarketApis.serveCoins(market.json());
        Instant before = Instant.now();

        try (MarketTopic topic = MarketTopic.fromNow(kafka)) {
            sync.run();

            Map<String, Object> bitcoin = coin(market.uuid(0));
            assertThat(bitcoin.get("price")).isEqualTo(43585.98328139173);
            assertThat(bitcoin.get("market_cap")).isEqualTo(new BigDecimal("843826713424"));
            assertThat(bitcoin.get("volume_24h")).isEqualTo(new BigDecimal("21394829357.00"));
            assertThat(bitcoin.get("btc_price")).isEqualTo(1.0);
            assertThat(bitcoin.get("change")).isEqualTo(-1.23);
            assertThat(bitcoin.get("rank")).isEqualTo(1);
            assertThat(bitcoin.get("tier")).isEqualTo(1);
            assertThat(bitcoin.get("symbol")).isEqualTo("BTC");
            assertThat(bitcoin.get("icon_url")).isEqualTo("https://cdn.coinranking.com/bOabBYkcX/bitcoin_btc.svg");
            List<String> sparkline = sparkline(bitcoin);
            assertThat(sparkline).hasSize(24).startsWith("44091.74", "43985.21", "43901.50", "43870.77", null);
            assertThat(coin(market.uuid(2)).get("change")).isNull();
            assertThat(stats())
                    .containsEntry("total", 683)
                    .containsEntry("total_coins", 24625)
                    .containsEntry("total_markets", 40089)
                    .containsEntry("total_exchanges", 179)
                    .containsEntry("total_market_cap", "1258893992421")
                    .containsEntry("total_daily_volume", "90917765538")
                    .containsEntry("sample", false);
            assertThat(jdbc.sql("select count(*) from market_stats")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                assertThat(historyOf(market.uuid(i))).isEqualTo(1);
            }
            MarketApis.server()
                    .verify(
                            1,
                            getRequestedFor(urlPathEqualTo(MarketApis.COINS))
                                    .withHeader("x-access-token", equalTo("test-coinranking-key"))
                                    .withQueryParam("limit", equalTo("100"))
                                    .withQueryParam("referenceCurrencyUuid", equalTo("yhjMzLPhuIDl"))
                                    .withQueryParam("timePeriod", equalTo("24h")));
            MarketSynced notice =
                    (MarketSynced) topic.awaitNotice(synced -> !synced.sample()).payload();
            assertThat(notice).isEqualTo(new MarketSynced(3, 3, 0, false));
            assertThat(lastSyncLog(before).getString("status")).isEqualTo("SUCCESS");
            assertThat(lastSyncLog(before).getString("message")).contains("3 coins seen, 3 changed, 0 failed");
        }
    }

    @Test
    void aSecondRunUpdatesWhatChangedAndAddsHistoryPoints() throws Exception {
        CoinrankingBody first = CoinrankingBody.recordedWithNewCoins();
        MarketApis.serveCoins(first.json());
        sync.run();
        Timestamp tetherUpdated = updatedAt(first.uuid(2));
        CoinrankingBody second = first.with(0, "price", "44120.5")
                .with(0, "marketCap", "854112223301")
                .with(0, "change", "2.5")
                .with(0, "24hVolume", "25000000000.456")
                .withRank(0, 2)
                .withSparkline(0, "43600.1", "44120.5")
                .with(1, "price", "2401.02")
                .withRank(1, 1);
        MarketApis.serveCoins(second.json());

        try (MarketTopic topic = MarketTopic.fromNow(kafka)) {
            sync.run();

            Map<String, Object> bitcoin = coin(first.uuid(0));
            assertThat(bitcoin.get("price")).isEqualTo(44120.5);
            assertThat(bitcoin.get("market_cap")).isEqualTo(new BigDecimal("854112223301"));
            assertThat(bitcoin.get("change")).isEqualTo(2.5);
            assertThat(bitcoin.get("volume_24h")).isEqualTo(new BigDecimal("25000000000.46"));
            assertThat(bitcoin.get("rank")).isEqualTo(2);
            assertThat(sparkline(bitcoin)).containsExactly("43600.1", "44120.5");
            assertThat(coin(first.uuid(1))).containsEntry("price", 2401.02).containsEntry("rank", 1);
            assertThat(updatedAt(first.uuid(2)))
                    .as("an unchanged coin is not rewritten")
                    .isEqualTo(tetherUpdated);
            for (int i = 0; i < 3; i++) {
                assertThat(historyOf(first.uuid(i))).isEqualTo(2);
            }
            assertThat(jdbc.sql("select price from price_history where coin_uuid = ? order by at")
                            .param(first.uuid(0))
                            .query(Double.class)
                            .list())
                    .containsExactly(43585.98328139173, 44120.5);
            assertThat((MarketSynced)
                            topic.awaitNotice(synced -> !synced.sample()).payload())
                    .isEqualTo(new MarketSynced(3, 2, 0, false));
        }
    }

    @Test
    void aMalformedCoinIsSkippedCountedAndLoggedWhileTheOthersApply() throws Exception {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins()
                .with(1, "price", "not-a-number")
                .withAnEntryWithoutUuid();
        MarketApis.serveCoins(market.json());
        Instant before = Instant.now();

        try (MarketTopic topic = MarketTopic.fromNow(kafka)) {
            sync.run();

            assertThat(coinExists(market.uuid(0))).isTrue();
            assertThat(coinExists(market.uuid(1))).isFalse();
            assertThat(coinExists(market.uuid(2))).isTrue();
            assertThat(historyOf(market.uuid(1))).isZero();
            String message = lastSyncLog(before).getString("message");
            assertThat(message)
                    .contains("4 coins seen, 2 changed, 2 failed")
                    .contains(market.uuid(1) + ": price is not a number: 'not-a-number'")
                    .contains("coin #3: uuid is missing");
            assertThat((MarketSynced)
                            topic.awaitNotice(synced -> !synced.sample()).payload())
                    .isEqualTo(new MarketSynced(4, 2, 2, false));
        }
    }

    @Test
    void aRateLimitIsRetriedAndTheRunThenSucceeds() {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        MarketApis.server()
                .stubFor(get(urlPathEqualTo(MarketApis.COINS))
                        .inScenario("busy")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(MarketApis.tooManyRequests())
                        .willSetStateTo("free"));
        MarketApis.server()
                .stubFor(get(urlPathEqualTo(MarketApis.COINS))
                        .inScenario("busy")
                        .whenScenarioStateIs("free")
                        .willReturn(okJson(market.json())));

        sync.run();

        MarketApis.server().verify(2, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
        assertThat(coinExists(market.uuid(0))).isTrue();
    }

    @Test
    void aPersistentRateLimitFailsTheRunAndAppliesNothing() {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        MarketApis.serveCoins(market.json());
        sync.run();
        Map<String, Object> statsBefore = stats();
        MarketApis.reset();
        MarketApis.failCoins(MarketApis.tooManyRequests());
        Instant before = Instant.now();

        try (MarketTopic topic = MarketTopic.fromNow(kafka)) {
            sync.run();

            assertThat(topic.noticesWithin(Duration.ofSeconds(2)))
                    .as("no market-synced notice")
                    .isEmpty();
        }
        MarketApis.server().verify(3, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
        assertNothingAppliedSince(market, statsBefore);
        Document log = lastSyncLog(before);
        assertThat(log.getString("status")).isEqualTo("ERROR");
        assertThat(log.getString("message"))
                .contains("Coinranking GET /coins failed after 3 attempt(s)")
                .contains("429")
                .contains("nothing was applied");
    }

    @Test
    void aServerThatNeverAnswersInTimeFailsTheRunAndAppliesNothing() {
        CoinrankingBody market = CoinrankingBody.recordedWithNewCoins();
        MarketApis.serveCoins(market.json());
        sync.run();
        Map<String, Object> statsBefore = stats();
        MarketApis.reset();
        MarketApis.failCoins(okJson(market.with(0, "price", "1").json()).withFixedDelay(3_000));
        Instant before = Instant.now();

        sync.run();

        MarketApis.server().verify(3, getRequestedFor(urlPathEqualTo(MarketApis.COINS)));
        assertNothingAppliedSince(market, statsBefore);
        assertThat(lastSyncLog(before).getString("status")).isEqualTo("ERROR");
        assertThat(lastSyncLog(before).getString("message")).contains("failed after 3 attempt(s)");
    }

    @Test
    void theStatsAreNeverReadEmptyOrDoubledWhileRunsReplaceThem() throws Exception {
        MarketApis.serveCoins(CoinrankingBody.recordedWithNewCoins().json());
        sync.run();
        StatsReader reader = new StatsReader(jdbc);
        Thread thread = new Thread(reader, "stats-reader");
        thread.start();
        try {
            for (int run = 0; run < 5; run++) {
                MarketApis.serveCoins(CoinrankingBody.recordedWithNewCoins().json());
                sync.run();
            }
        } finally {
            reader.stop();
            thread.join();
        }
        assertThat(reader.reads()).isGreaterThan(10);
        assertThat(reader.anomalies()).isEmpty();
    }

    private void assertNothingAppliedSince(CoinrankingBody market, Map<String, Object> statsBefore) {
        assertThat(coin(market.uuid(0)).get("price")).isEqualTo(43585.98328139173);
        for (int i = 0; i < 3; i++) {
            assertThat(historyOf(market.uuid(i))).isEqualTo(1);
        }
        assertThat(stats().get("updated_at")).isEqualTo(statsBefore.get("updated_at"));
    }

    private Map<String, Object> coin(String uuid) {
        return jdbc.sql("select * from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query()
                .singleRow();
    }

    private boolean coinExists(String uuid) {
        return jdbc.sql("select exists (select 1 from cryptocurrencies where uuid = ?)")
                .param(uuid)
                .query(Boolean.class)
                .single();
    }

    private Timestamp updatedAt(String uuid) {
        return jdbc.sql("select updated_at from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query(Timestamp.class)
                .single();
    }

    private Map<String, Object> stats() {
        return jdbc.sql("select * from market_stats").query().singleRow();
    }

    private long historyOf(String uuid) {
        return jdbc.sql("select count(*) from price_history where coin_uuid = ?")
                .param(uuid)
                .query(Long.class)
                .single();
    }

    private static List<String> sparkline(Map<String, Object> coin) throws SQLException {
        return Arrays.asList((String[]) ((Array) coin.get("sparkline")).getArray());
    }

    private Document lastSyncLog(Instant since) {
        Query query = Query.query(Criteria.where("event")
                        .is("CRYPTO")
                        .and("timestamp")
                        .gte(Date.from(since))
                        .and("message")
                        .not()
                        .regex("^The bundled sample"))
                .with(Sort.by(Sort.Direction.DESC, "timestamp"))
                .limit(1);
        Document log = mongo.findOne(query, Document.class, "informationlogs");
        assertThat(log).as("a CRYPTO action log since " + since).isNotNull();
        return log;
    }
}
