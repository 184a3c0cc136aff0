package io.cryptotalks.cryptorates.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.cryptorates.CryptoRatesServiceApplication;
import io.cryptotalks.cryptorates.MarketApis;
import io.cryptotalks.cryptorates.MarketTopic;
import io.cryptotalks.cryptorates.sync.MarketSchedule;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Without a Coinranking key the bundled sample is the market: loaded on start, with invented history, never synced. */
@SpringBootTest(
        classes = CryptoRatesServiceApplication.class,
        properties = {
            CryptoRatesServiceApplication.CONFIG_NAME,
            "spring.kafka.listener.auto-startup=false",
            "cryptotalks.market.coinranking.api-key="
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
class SampleMarketTests {

    private static final String BITCOIN = "Qwsogvtv82FCd";

    /** Both APIs point at the stub server: the sample mode must not call either. */
    @DynamicPropertySource
    static void apiUrls(DynamicPropertyRegistry registry) {
        registry.add("cryptotalks.market.coinranking.api-url", MarketApis::coinrankingUrl);
        registry.add("cryptotalks.market.coingecko.api-url", MarketApis::coinGeckoUrl);
    }

    @Autowired
    SampleMarket sample;

    @Autowired
    MarketSchedule schedule;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper mapper;

    @BeforeEach
    void resetApis() {
        MarketApis.reset();
    }

    @Test
    void theSampleIsTheMarketAfterStart() {
        List<String> uuids = sampleUuids();
        assertThat(uuids).hasSizeBetween(45, 55).doesNotHaveDuplicates().contains(BITCOIN, "razxDUgYGNAdQ");

        await().atMost(Duration.ofSeconds(60)).until(() -> loaded(uuids));

        assertThat(jdbc.sql("select sample from market_stats")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from cryptocurrencies where uuid = any(?) and cardinality(sparkline) = 24"
                                + " and description is not null")
                        .param(uuids.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(uuids.size());
        assertEndsNowAtThePrice(BITCOIN);
    }

    @Test
    void loadingAgainRestoresTheSampleWithTheSameHistoryEndingNowAndNotifies() throws Exception {
        assertThat(sample.load()).isTrue();
        List<Double> firstWalk = walkOf(BITCOIN);
        jdbc.sql("update cryptocurrencies set price = 1, rank = 999 where uuid = ?")
                .param(BITCOIN)
                .update();
        jdbc.sql("delete from price_history where coin_uuid = ?").param(BITCOIN).update();
        jdbc.sql("update market_stats set sample = false").update();

        try (MarketTopic topic = MarketTopic.fromNow(kafka)) {
            assertThat(sample.load()).isTrue();

            assertThat(jdbc.sql("select price from cryptocurrencies where uuid = ?")
                            .param(BITCOIN)
                            .query(Double.class)
                            .single())
                    .isEqualTo(104250.37);
            assertThat(jdbc.sql("select sample from market_stats")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertEndsNowAtThePrice(BITCOIN);
            assertThat(walkOf(BITCOIN)).as("the same walk every start").isEqualTo(firstWalk);
            MarketSynced notice =
                    (MarketSynced) topic.awaitNotice(MarketSynced::sample).payload();
            assertThat(notice.coinsSeen()).isEqualTo(sampleUuids().size());
            assertThat(notice.coinsFailed()).isZero();
        }
        MarketApis.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theScheduleThenDoesNothingUntilAKeyIsSet() {
        awaitLockFree();
        schedule.refresh();
        jdbc.sql("update cryptocurrencies set price = 2 where uuid = ?")
                .param(BITCOIN)
                .update();

        schedule.refresh();

        assertThat(jdbc.sql("select price from cryptocurrencies where uuid = ?")
                        .param(BITCOIN)
                        .query(Double.class)
                        .single())
                .isEqualTo(2.0);
        MarketApis.server().verify(0, anyRequestedFor(anyUrl()));
        sample.load();
    }

    private void assertEndsNowAtThePrice(String uuid) {
        List<Point> points = jdbc.sql("select at, price from price_history where coin_uuid = ? order by at")
                .param(uuid)
                .query((rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2)))
                .list();
        assertThat(points).hasSize(SampleMarket.HISTORY_POINTS);
        Point last = points.get(points.size() - 1);
        assertThat(Duration.between(last.at(), Instant.now())).isBetween(Duration.ofSeconds(-1), Duration.ofMinutes(5));
        assertThat(Duration.between(points.get(0).at(), last.at())).isEqualTo(Duration.ofDays(7));
        double price = jdbc.sql("select price from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query(Double.class)
                .single();
        assertThat(last.price()).isCloseTo(price, within(1e-6));
        assertThat(points)
                .extracting(Point::price)
                .allSatisfy(p -> assertThat(p).isPositive());
        assertThat(points.stream().map(Point::price).distinct().count())
                .as("a walk, not a line")
                .isGreaterThan(100);
    }

    private List<Double> walkOf(String uuid) {
        return jdbc.sql("select price from price_history where coin_uuid = ? order by at")
                .param(uuid)
                .query(Double.class)
                .list();
    }

    private boolean loaded(List<String> uuids) {
        return jdbc.sql("select count(*) from cryptocurrencies c where uuid = any(?) and (select count(*) from"
                                + " price_history h where h.coin_uuid = c.uuid) = ?")
                        .params(uuids.toArray(String[]::new), SampleMarket.HISTORY_POINTS)
                        .query(Long.class)
                        .single()
                == uuids.size();
    }

    private void awaitLockFree() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from shedlock where lock_until > now()")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private List<String> sampleUuids() {
        try (var in = getClass().getResourceAsStream("/" + SampleMarket.RESOURCE)) {
            List<String> uuids = new ArrayList<>();
            for (JsonNode coin : mapper.readTree(in).path("data").path("coins")) {
                uuids.add(coin.path("uuid").asString());
            }
            return uuids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Point(Instant at, double price) {}
}
