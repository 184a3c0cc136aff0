package io.cryptotalks.cryptorates.market;

import java.util.List;

/** One reading of the market: its totals, the coins that passed the checks, and those that did not (with why). */
public record MarketSnapshot(MarketTotals totals, List<CoinReading> coins, List<RejectedCoin> rejected) {

    public MarketSnapshot {
        coins = List.copyOf(coins);
        rejected = List.copyOf(rejected);
    }

    public int seen() {
        return coins.size() + rejected.size();
    }

    /** A coin left out of the sync; {@code reference} is its uuid, or its position when it has none. */
    public record RejectedCoin(String reference, String reason) {}
}
