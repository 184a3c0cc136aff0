package io.cryptotalks.gateway.market;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import io.cryptotalks.common.outbox.PendingEvents;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's favourites as they last asked for them: the crypto-rates-service's {@code favorite_coins} rows, then the
 * user's favourite events it has not applied yet (still in the outbox, not in {@code crypto_processed_events}), in
 * the order they were written. One REPEATABLE READ snapshot, so an event counts in the rows or in the overlay, never
 * in both or neither.
 */
@Repository
class FavouriteProjection {

    private final JdbcClient jdbc;
    private final PendingEvents pendingEvents;
    private final TransactionTemplate snapshot;

    FavouriteProjection(JdbcClient jdbc, EventJson json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.pendingEvents =
                new PendingEvents(jdbc, json, "crypto_processed_events", CoinFavourited.class, CoinUnfavourited.class);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The coin uuids the user has among their favourites. */
    Set<String> of(UUID userId) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            Set<String> favourites = new LinkedHashSet<>(jdbc.sql(
                            "select coin_uuid from favorite_coins where user_id = :userId order by created_at, coin_uuid")
                    .param("userId", userId)
                    .query(String.class)
                    .list());
            for (DomainEvent pending : pending(userId)) {
                if (pending instanceof CoinFavourited favourited) {
                    favourites.add(favourited.coinUuid());
                } else if (pending instanceof CoinUnfavourited unfavourited) {
                    favourites.remove(unfavourited.coinUuid());
                }
            }
            return favourites;
        }));
    }

    /** Whether the coin is among the user's favourites: the row's primary key, then the user's pending events. */
    boolean contains(UUID userId, String coinUuid) {
        return Boolean.TRUE.equals(snapshot.execute(status -> {
            boolean favourite = jdbc.sql(
                            "select exists (select 1 from favorite_coins where user_id = :userId and coin_uuid = :coin)")
                    .param("userId", userId)
                    .param("coin", coinUuid)
                    .query(Boolean.class)
                    .single();
            for (DomainEvent pending : pending(userId)) {
                if (pending instanceof CoinFavourited favourited
                        && favourited.coinUuid().equals(coinUuid)) {
                    favourite = true;
                } else if (pending instanceof CoinUnfavourited unfavourited
                        && unfavourited.coinUuid().equals(coinUuid)) {
                    favourite = false;
                }
            }
            return favourite;
        }));
    }

    /** The user's favourite events the worker has not applied yet, oldest first (partial index on the outbox). */
    private List<DomainEvent> pending(UUID userId) {
        return pendingEvents.of(userId.toString());
    }
}
