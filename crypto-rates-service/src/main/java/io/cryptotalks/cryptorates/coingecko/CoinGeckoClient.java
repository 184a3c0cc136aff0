package io.cryptotalks.cryptorates.coingecko;

import io.cryptotalks.cryptorates.MarketProperties;
import io.cryptotalks.cryptorates.http.ExternalApiException;
import io.cryptotalks.cryptorates.http.RetryingHttp;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CoinGecko's v3 API: its id of each coin, and a coin's English description (HTML, unsanitised as sent). */
@Component
class CoinGeckoClient {

    private static final ParameterizedTypeReference<List<GeckoCoin>> COIN_LIST = new ParameterizedTypeReference<>() {};

    private final RetryingHttp http;

    CoinGeckoClient(MarketProperties properties, JsonMapper mapper) {
        MarketProperties.CoinGecko settings = properties.coingecko();
        this.http = new RetryingHttp("CoinGecko", settings.apiUrl(), properties.http(), mapper, headers -> {
            if (settings.hasKey()) {
                headers.set("x-cg-demo-api-key", settings.apiKey());
            }
        });
    }

    List<GeckoCoin> coinList() {
        List<GeckoCoin> coins = http.call(
                "GET /coins/list",
                () -> http.client().get().uri("/coins/list").retrieve().body(COIN_LIST));
        return coins == null ? List.of() : coins;
    }

    /** @return the English description, empty when CoinGecko has none or does not know the id */
    Optional<String> englishDescription(String geckoId) {
        try {
            JsonNode coin = http.call(
                    "GET /coins/" + geckoId,
                    () -> http.client()
                            .get()
                            .uri(uri -> uri.path("/coins/{id}")
                                    .queryParam("localization", false)
                                    .queryParam("tickers", false)
                                    .queryParam("market_data", false)
                                    .queryParam("community_data", false)
                                    .queryParam("developer_data", false)
                                    .build(geckoId))
                            .retrieve()
                            .body(JsonNode.class));
            String english =
                    coin == null ? null : coin.path("description").path("en").asString(null);
            return Optional.ofNullable(english).filter(text -> !text.isBlank());
        } catch (ExternalApiException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
