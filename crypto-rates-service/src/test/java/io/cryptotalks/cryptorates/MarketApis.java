package io.cryptotalks.cryptorates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One local stub server standing in for both Coinranking ({@code /v2}) and CoinGecko ({@code /api/v3}) for the whole
 * test JVM, started on first use.
 */
public final class MarketApis {

    public static final String COINS = "/v2/coins";
    public static final String GECKO_LIST = "/api/v3/coins/list";

    private static WireMockServer server;

    private MarketApis() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "market-apis-stop"));
        }
        return server;
    }

    public static String coinrankingUrl() {
        return server().baseUrl() + "/v2";
    }

    public static String coinGeckoUrl() {
        return server().baseUrl() + "/api/v3";
    }

    /** No stubs but an empty CoinGecko coin list, so a sync's CoinGecko step finds nothing to map. */
    public static void reset() {
        server().resetAll();
        server().stubFor(get(urlPathEqualTo(GECKO_LIST)).willReturn(okJson("[]")));
    }

    public static void serveCoins(String body) {
        server().stubFor(get(urlPathEqualTo(COINS)).willReturn(okJson(body)));
    }

    public static void failCoins(ResponseDefinitionBuilder response) {
        server().stubFor(get(urlPathEqualTo(COINS)).willReturn(response));
    }

    public static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"fail\",\"type\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Rate limit exceeded\"}");
    }

    public static String fixture(String name) {
        try (InputStream in = MarketApis.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
