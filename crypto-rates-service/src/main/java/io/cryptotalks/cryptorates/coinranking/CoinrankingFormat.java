package io.cryptotalks.cryptorates.coinranking;

import io.cryptotalks.cryptorates.market.CoinReading;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import io.cryptotalks.cryptorates.market.MarketSnapshot.RejectedCoin;
import io.cryptotalks.cryptorates.market.MarketTotals;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a body of Coinranking's v2 {@code /coins} ({@code {"status":"success","data":{"stats":{…},"coins":[…]}}}) — the
 * API's answer, and the bundled sample, which has the same shape. Each coin is read on its own, so a coin that does
 * not fit is rejected with its reason while the others are kept.
 */
public final class CoinrankingFormat {

    private final JsonMapper mapper;

    public CoinrankingFormat(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws MalformedMarketException when the body as a whole is unusable (a failed status, no stats, no coins) */
    public MarketSnapshot read(JsonNode body) {
        String status = body == null ? null : body.path("status").asString(null);
        if (!"success".equals(status)) {
            throw new MalformedMarketException("Coinranking answered status '" + status + "'"
                    + (body == null ? "" : ": " + body.path("message").asString("")));
        }
        JsonNode data = body.path("data");
        if (!data.path("coins").isArray()) {
            throw new MalformedMarketException("Coinranking answered without data.coins");
        }
        MarketTotals totals = totals(data.path("stats"));
        List<CoinReading> coins = new ArrayList<>();
        List<RejectedCoin> rejected = new ArrayList<>();
        int position = 0;
        for (JsonNode node : data.path("coins")) {
            String reference = node.path("uuid").isString() ? node.path("uuid").asString() : "coin #" + position;
            try {
                coins.add(CoinChecks.check(mapper.treeToValue(node, CoinrankingCoin.class)));
            } catch (CoinChecks.MalformedCoinException e) {
                rejected.add(new RejectedCoin(reference, e.getMessage()));
            } catch (JacksonException e) {
                rejected.add(new RejectedCoin(reference, "not a coin: " + e.getOriginalMessage()));
            }
            position++;
        }
        return new MarketSnapshot(totals, coins, rejected);
    }

    private MarketTotals totals(JsonNode node) {
        CoinrankingStats stats;
        try {
            stats = node.isObject() ? mapper.treeToValue(node, CoinrankingStats.class) : null;
        } catch (JacksonException e) {
            throw new MalformedMarketException("Coinranking's data.stats is unreadable: " + e.getOriginalMessage());
        }
        if (stats == null
                || stats.total() == null
                || stats.totalCoins() == null
                || stats.totalMarkets() == null
                || stats.totalExchanges() == null
                || stats.totalMarketCap() == null
                || stats.total24hVolume() == null) {
            throw new MalformedMarketException("Coinranking answered without complete data.stats");
        }
        return new MarketTotals(
                stats.total(),
                stats.totalCoins(),
                stats.totalMarkets(),
                stats.totalExchanges(),
                stats.totalMarketCap(),
                stats.total24hVolume());
    }
}
