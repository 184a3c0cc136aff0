package io.cryptotalks.cryptorates.sync;

import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.cryptorates.coingecko.CoinGeckoEnrichment;
import io.cryptotalks.cryptorates.coinranking.CoinrankingClient;
import io.cryptotalks.cryptorates.market.MarketNotices;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One sync with Coinranking: read the market (outside any transaction: retries may take a while), apply it in one
 * transaction, then fill in CoinGecko ids and descriptions, log {@code CRYPTO} and send the {@code market-synced}
 * notice. A run that cannot read the market, or whose transaction fails, applies nothing and is logged as an error.
 */
@Component
class MarketSync {

    private static final Logger log = LoggerFactory.getLogger(MarketSync.class);
    /** How many rejected coins the action log names (all are counted, and each is in the service log). */
    private static final int NAMED_FAILURES = 5;

    private final CoinrankingClient coinranking;
    private final MarketApply apply;
    private final CoinGeckoEnrichment coinGecko;
    private final MarketNotices notices;
    private final Clock clock;

    MarketSync(
            CoinrankingClient coinranking,
            MarketApply apply,
            CoinGeckoEnrichment coinGecko,
            MarketNotices notices,
            Clock clock) {
        this.coinranking = coinranking;
        this.apply = apply;
        this.coinGecko = coinGecko;
        this.notices = notices;
        this.clock = clock;
    }

    void run() {
        Instant started = clock.instant();
        MarketApply.Applied applied;
        try {
            MarketSnapshot market = coinranking.fetchMarket();
            applied = apply.apply(market, started);
        } catch (RuntimeException e) {
            notices.failed(
                    "Error while updating coins webjob: " + e.getMessage() + " (nothing was applied, after "
                            + Duration.between(started, clock.instant()).toMillis() + " ms)",
                    e);
            return;
        }
        applied.failed().forEach(coin -> log.warn("skipped {}: {}", coin.reference(), coin.reason()));
        CoinGeckoEnrichment.Outcome enrichment = coinGecko.enrich();
        long took = Duration.between(started, clock.instant()).toMillis();
        notices.committed(
                new MarketSynced(
                        applied.seen(), applied.changed(), applied.failed().size(), false),
                "Rates of cryptocurrencies and market stats have been successfully updated: " + applied.seen()
                        + " coins seen, " + applied.changed() + " changed, "
                        + applied.failed().size() + " failed"
                        + failures(applied) + ", in " + took + " ms; CoinGecko: " + enrichment.mapped() + " ids, "
                        + enrichment.described() + " descriptions"
                        + (enrichment.problem() == null ? "" : " (stopped: " + enrichment.problem() + ")") + ".");
    }

    private static String failures(MarketApply.Applied applied) {
        if (applied.failed().isEmpty()) {
            return "";
        }
        return applied.failed().stream()
                .limit(NAMED_FAILURES)
                .map(coin -> coin.reference() + ": " + coin.reason())
                .collect(Collectors.joining("; ", " (", applied.failed().size() > NAMED_FAILURES ? "; …)" : ")"));
    }
}
