package io.cryptotalks.cryptorates.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * One coin as read from Coinranking (or the bundled sample), checked: every field the {@code cryptocurrencies} row
 * requires is there and fits its column. {@code change} may be null; sparkline entries may be null (hours without a
 * price).
 */
public record CoinReading(
        String uuid,
        String symbol,
        String name,
        String iconUrl,
        BigDecimal marketCap,
        double price,
        double btcPrice,
        Double change,
        String coinrankingUrl,
        List<String> sparkline,
        int rank,
        int tier,
        BigDecimal volume24h) {}
