package io.cryptotalks.cryptorates.coinranking;

import io.cryptotalks.cryptorates.MarketProperties;
import io.cryptotalks.cryptorates.http.RetryingHttp;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Coinranking's v2 API: the top coins by market cap in US dollars, with their 24-hour change and the market's totals. */
@Component
public class CoinrankingClient {

    /** Coinranking's uuid of the US dollar, the reference currency of every price. */
    static final String US_DOLLAR = "yhjMzLPhuIDl";

    private final RetryingHttp http;
    private final CoinrankingFormat format;
    private final int limit;

    CoinrankingClient(MarketProperties properties, JsonMapper mapper) {
        String key = properties.coinranking().apiKey();
        this.http = new RetryingHttp(
                "Coinranking", properties.coinranking().apiUrl(), properties.http(), mapper, headers -> {
                    if (key != null && !key.isBlank()) {
                        headers.set("x-access-token", key);
                    }
                });
        this.format = new CoinrankingFormat(mapper);
        this.limit = properties.coinsPerSync();
    }

    /**
     * @throws io.cryptotalks.cryptorates.http.ExternalApiException when Coinranking cannot be reached or keeps failing
     * @throws MalformedMarketException when its answer is unusable as a whole
     */
    public MarketSnapshot fetchMarket() {
        JsonNode body = http.call(
                "GET /coins",
                () -> http.client()
                        .get()
                        .uri(uri -> uri.path("/coins")
                                .queryParam("limit", limit)
                                .queryParam("referenceCurrencyUuid", US_DOLLAR)
                                .queryParam("timePeriod", "24h")
                                .build())
                        .retrieve()
                        .body(JsonNode.class));
        return format.read(body);
    }
}
