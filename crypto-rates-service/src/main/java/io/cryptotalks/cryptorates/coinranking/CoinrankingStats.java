package io.cryptotalks.cryptorates.coinranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code data.stats} of Coinranking's v2 {@code /coins}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CoinrankingStats(
        Integer total,
        Integer totalCoins,
        Integer totalMarkets,
        Integer totalExchanges,
        String totalMarketCap,
        String total24hVolume) {}
