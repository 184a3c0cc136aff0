package io.cryptotalks.cryptorates.coinranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.cryptorates.CoinrankingBody;
import io.cryptotalks.cryptorates.market.CoinReading;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import io.cryptotalks.cryptorates.market.MarketTotals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Reading Coinranking's {@code /coins}: the recorded answer, and coins or bodies that do not fit. */
class CoinrankingFormatTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final CoinrankingFormat format = new CoinrankingFormat(mapper);

    @Test
    void theRecordedAnswerReadsAsThreeCoinsAndTheTotals() {
        CoinrankingBody body = CoinrankingBody.recordedWithNewCoins();

        MarketSnapshot market = read(body.json());

        assertThat(market.totals()).isEqualTo(new MarketTotals(683, 24625, 40089, 179, "1258893992421", "90917765538"));
        assertThat(market.rejected()).isEmpty();
        assertThat(market.coins()).hasSize(3);
        CoinReading bitcoin = market.coins().get(0);
        assertThat(bitcoin.uuid()).isEqualTo(body.uuid(0));
        assertThat(bitcoin.price()).isEqualTo(43585.98328139173);
        assertThat(bitcoin.marketCap()).isEqualTo(new BigDecimal("843826713424"));
        assertThat(bitcoin.volume24h()).isEqualTo(new BigDecimal("21394829357.00"));
        assertThat(bitcoin.sparkline()).hasSize(24).element(4).isNull();
        assertThat(market.coins().get(2).change()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "price|abc|price is not a number: 'abc'",
                "price||price is missing",
                "marketCap|-5|marketCap is negative",
                "24hVolume|1e60|marketCap or 24hVolume is too large",
                "iconUrl||iconUrl is missing",
                "change|up|change is not a number: 'up'"
            })
    void aCoinThatDoesNotFitIsRejectedWithItsReasonAndTheOthersKept(String field, String value, String reason) {
        CoinrankingBody body = CoinrankingBody.recordedWithNewCoins();
        CoinrankingBody broken = value == null ? body.without(1, field) : body.with(1, field, value);

        MarketSnapshot market = read(broken.json());

        assertThat(market.coins()).extracting(CoinReading::uuid).containsExactly(body.uuid(0), body.uuid(2));
        assertThat(market.rejected()).singleElement().isEqualTo(new MarketSnapshot.RejectedCoin(body.uuid(1), reason));
    }

    @Test
    void aTooLongTextAndAnUnreadableRankAreRejectedToo() {
        CoinrankingBody body = CoinrankingBody.recordedWithNewCoins();
        MarketSnapshot market = read(body.with(0, "iconUrl", "https://cdn.example/" + "x".repeat(300))
                .with(1, "rank", "first")
                .withAnEntryWithoutUuid()
                .json());

        assertThat(market.coins()).extracting(CoinReading::uuid).containsExactly(body.uuid(2));
        assertThat(market.rejected())
                .extracting(MarketSnapshot.RejectedCoin::reference)
                .containsExactly(body.uuid(0), body.uuid(1), "coin #3");
        assertThat(market.rejected().get(0).reason()).isEqualTo("iconUrl is longer than 255 characters");
        assertThat(market.rejected().get(1).reason()).startsWith("not a coin:");
        assertThat(market.seen()).isEqualTo(4);
    }

    @Test
    void aFailedStatusOrMissingStatsFailTheWholeBody() {
        assertThatThrownBy(() -> read("{\"status\":\"fail\",\"type\":\"HISTORY_NOT_AVAILABLE\",\"message\":\"Bad\"}"))
                .isInstanceOf(MalformedMarketException.class)
                .hasMessageContaining("status 'fail'");
        assertThatThrownBy(() -> read("{\"status\":\"success\",\"data\":{\"coins\":[]}}"))
                .isInstanceOf(MalformedMarketException.class)
                .hasMessageContaining("data.stats");
        assertThatThrownBy(() -> read("{\"status\":\"success\",\"data\":{\"stats\":{}}}"))
                .isInstanceOf(MalformedMarketException.class)
                .hasMessageContaining("data.coins");
    }

    private MarketSnapshot read(String json) {
        return format.read(mapper.readTree(json));
    }
}
