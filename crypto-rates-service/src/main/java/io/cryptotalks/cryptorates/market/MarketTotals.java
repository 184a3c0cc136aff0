package io.cryptotalks.cryptorates.market;

/** The whole market's figures, the single {@code market_stats} row (cap and volume kept as the strings Coinranking sends). */
public record MarketTotals(
        int total,
        int totalCoins,
        int totalMarkets,
        int totalExchanges,
        String totalMarketCap,
        String total24hVolume) {}
