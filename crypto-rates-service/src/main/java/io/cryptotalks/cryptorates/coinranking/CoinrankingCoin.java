package io.cryptotalks.cryptorates.coinranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A coin of Coinranking's v2 {@code /coins} as sent: numbers arrive as strings, sparkline entries may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CoinrankingCoin(
        String uuid,
        String symbol,
        String name,
        String iconUrl,
        String marketCap,
        String price,
        String btcPrice,
        String change,
        Integer rank,
        Integer tier,
        List<String> sparkline,
        String coinrankingUrl,
        @JsonProperty("24hVolume") String volume24h) {}
