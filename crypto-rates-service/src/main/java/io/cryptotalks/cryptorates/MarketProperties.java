package io.cryptotalks.cryptorates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.market.*}: where the market data comes from and how often. No Coinranking key means the offline
 * sample mode (the bundled {@code sample-market.json}), so a fresh checkout shows a market without any account.
 * The API addresses are checked at start-up.
 */
@Validated
@ConfigurationProperties("cryptotalks.market")
public record MarketProperties(
        @Valid Coinranking coinranking,
        @Valid CoinGecko coingecko,
        Duration syncInterval,
        Duration firstSyncDelay,
        Integer coinsPerSync,
        Integer descriptionsPerSync,
        Http http) {

    public MarketProperties {
        coinranking = coinranking == null ? new Coinranking(null, null) : coinranking;
        coingecko = coingecko == null ? new CoinGecko(null, null) : coingecko;
        syncInterval = syncInterval == null ? Duration.ofHours(1) : syncInterval;
        firstSyncDelay = firstSyncDelay == null ? Duration.ZERO : firstSyncDelay;
        coinsPerSync = coinsPerSync == null ? 100 : coinsPerSync;
        descriptionsPerSync = descriptionsPerSync == null ? 10 : descriptionsPerSync;
        http = http == null ? new Http(null, null, null, null, null) : http;
    }

    public boolean sampleMode() {
        return !coinranking.configured();
    }

    public record Coinranking(
            String apiKey,

            @Pattern(
                    regexp = "(https?://[^\\s/]+(/\\S*)?)?",
                    message = "COINRANKING_API_URL is malformed: expected http(s)://host[:port]/path")
            String apiUrl) {

        public Coinranking {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.coinranking.com/v2" : apiUrl;
        }

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** The key is optional: without it CoinGecko's public rate limit applies. */
    public record CoinGecko(
            @Pattern(
                    regexp = "(https?://[^\\s/]+(/\\S*)?)?",
                    message = "COINGECKO_API_URL is malformed: expected http(s)://host[:port]/path")
            String apiUrl,

            String apiKey) {

        public CoinGecko {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.coingecko.com/api/v3" : apiUrl;
        }

        public boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Timeouts and the bounded retry of both APIs: 429, 5xx and I/O failures (timeouts) are retried with back-off. */
    public record Http(
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxRetries,
            Duration initialBackOff,
            Duration maxBackOff) {

        public Http {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
            maxRetries = maxRetries == null ? 4 : maxRetries;
            initialBackOff = initialBackOff == null ? Duration.ofSeconds(2) : initialBackOff;
            maxBackOff = maxBackOff == null ? Duration.ofSeconds(30) : maxBackOff;
        }
    }
}
