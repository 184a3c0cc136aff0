package io.cryptotalks.gateway.market;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.web.ApiError;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starring and unstarring coins (E30, E31): the coin must exist; the event, keyed by the user, leaves through the
 * outbox and the crypto-rates-service applies it idempotently (a second star is no second favourite). The caller reads
 * the change at once through {@link FavouriteProjection}.
 */
@Service
class FavouriteService {

    private final MarketReads reads;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    FavouriteService(MarketReads reads, OutboxWriter outbox, TransactionTemplate transactions) {
        this.reads = reads;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void favourite(UUID userId, String coinUuid) {
        emit(coinUuid, new CoinFavourited(userId, coinUuid));
    }

    void unfavourite(UUID userId, String coinUuid) {
        emit(coinUuid, new CoinUnfavourited(userId, coinUuid));
    }

    private void emit(String coinUuid, DomainEvent event) {
        transactions.executeWithoutResult(status -> {
            if (!reads.exists(coinUuid)) {
                throw ApiError.NO_CRYPTO.exception();
            }
            outbox.append(event);
        });
    }
}
