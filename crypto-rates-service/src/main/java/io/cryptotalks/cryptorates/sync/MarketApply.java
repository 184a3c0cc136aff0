package io.cryptotalks.cryptorates.sync;

import io.cryptotalks.cryptorates.market.CoinReading;
import io.cryptotalks.cryptorates.market.Coins;
import io.cryptotalks.cryptorates.market.MarketSnapshot;
import io.cryptotalks.cryptorates.market.MarketSnapshot.RejectedCoin;
import io.cryptotalks.cryptorates.market.MarketStats;
import io.cryptotalks.cryptorates.market.PriceHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a market reading in one transaction: every coin upserted, the stats row replaced, a price point per coin,
 * the history thinned. Readers see all of it or none of it.
 */
@Component
class MarketApply {

    private final Coins coins;
    private final MarketStats stats;
    private final PriceHistory history;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    MarketApply(Coins coins, MarketStats stats, PriceHistory history, PlatformTransactionManager transactions) {
        this.coins = coins;
        this.stats = stats;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    Applied apply(MarketSnapshot snapshot, Instant at) {
        return transaction.execute(status -> {
            if (stats.isSample()) {
                // real prices from now on: the sample's invented history must not be mixed with them
                history.clear();
            }
            List<CoinReading> stored = new ArrayList<>();
            List<RejectedCoin> failed = new ArrayList<>(snapshot.rejected());
            int changed = 0;
            for (CoinReading coin : snapshot.coins()) {
                try {
                    // a savepoint per coin: a coin the database refuses despite the checks is skipped, not the batch
                    if (Boolean.TRUE.equals(savepoint.execute(nested -> coins.upsert(coin)))) {
                        changed++;
                    }
                    stored.add(coin);
                } catch (DataAccessException e) {
                    failed.add(new RejectedCoin(
                            coin.uuid(),
                            "refused by the database: "
                                    + e.getMostSpecificCause().getMessage()));
                }
            }
            stats.replace(snapshot.totals(), false);
            history.record(stored, at);
            history.thin(at);
            return new Applied(snapshot.seen(), changed, failed);
        });
    }

    record Applied(int seen, int changed, List<RejectedCoin> failed) {}
}
