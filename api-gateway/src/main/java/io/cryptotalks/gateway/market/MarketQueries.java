package io.cryptotalks.gateway.market;

import io.cryptotalks.gateway.web.ApiError;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The market reads as the API answers them: shared results through {@link MarketCache}, the caller's favourites
 * never from it.
 */
@Service
class MarketQueries {

    /** How long a client waits before asking again for market data that has not been loaded yet. */
    private static final Duration NOT_SYNCED_RETRY = Duration.ofSeconds(30);

    private final CoinSearch search;
    private final MarketReads reads;
    private final FavouriteProjection favourites;
    private final MarketCache cache;

    MarketQueries(CoinSearch search, MarketReads reads, FavouriteProjection favourites, MarketCache cache) {
        this.search = search;
        this.reads = reads;
        this.favourites = favourites;
        this.cache = cache;
    }

    MarketResponses.CoinPage list(CoinQuery query) {
        return cache.get(query, MarketResponses.CoinPage.class, () -> search.page(query));
    }

    /** The coin; {@code isFavorite} is the caller's own (false when anonymous), read past the cache. */
    MarketResponses.Coin coin(String uuid, UUID caller) {
        MarketResponses.Coin coin = cache.get(
                new CoinKey(uuid),
                MarketResponses.Coin.class,
                () -> reads.coin(uuid).orElse(null));
        if (coin == null) {
            throw ApiError.NO_CRYPTO.exception();
        }
        return caller == null ? coin : coin.withFavorite(favourites.contains(caller, uuid));
    }

    MarketResponses.MarketStats stats() {
        MarketResponses.MarketStats stats = cache.get(
                StatsKey.INSTANCE,
                MarketResponses.MarketStats.class,
                () -> reads.stats().orElse(null));
        if (stats == null) {
            throw ApiError.MARKET_NOT_SYNCED.exception("The market data has not been loaded yet", NOT_SYNCED_RETRY);
        }
        return stats;
    }

    MarketResponses.History history(String uuid, HistoryRange range) {
        MarketResponses.History history = cache.get(
                new HistoryKey(uuid, range),
                MarketResponses.History.class,
                () -> reads.history(uuid, range).orElse(null));
        if (history == null) {
            throw ApiError.NO_CRYPTO.exception();
        }
        return history;
    }

    /**
     * Someone's favourites: {@code username}'s for anyone, else the caller's own; anonymous without a username is a
     * 401. The list is read as the owner last asked for it (the pending events of the owner overlaid).
     */
    MarketResponses.CoinPage favourites(CoinQuery query, String username, UUID caller) {
        UUID owner;
        if (username != null && !username.isBlank()) {
            owner = reads.userIdOf(username).orElseThrow(ApiError.USER_NOT_FOUND::exception);
        } else if (caller != null) {
            owner = caller;
        } else {
            throw ApiError.INVALID_TOKEN.exception("Sign in, or name the user whose favourites to list");
        }
        return search.among(query, favourites.of(owner));
    }

    private record CoinKey(String uuid) {}

    private record HistoryKey(String uuid, HistoryRange range) {}

    private enum StatsKey {
        INSTANCE
    }
}
