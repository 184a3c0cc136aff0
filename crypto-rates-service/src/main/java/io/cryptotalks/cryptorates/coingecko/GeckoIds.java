package io.cryptotalks.cryptorates.coingecko;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds each coin's CoinGecko id: the one entry with its symbol, or, when several share the symbol, the one entry that
 * also has its name. Anything else stays unmapped. An id is given to at most one coin, so {@code symbol_id}'s unique
 * constraint is never hit.
 */
final class GeckoIds {

    private final Map<String, List<GeckoCoin>> bySymbol;

    GeckoIds(List<GeckoCoin> geckoCoins) {
        this.bySymbol = geckoCoins.stream()
                .filter(coin -> coin.id() != null && coin.symbol() != null)
                .collect(Collectors.groupingBy(coin -> coin.symbol().toLowerCase(Locale.ROOT)));
    }

    /** @return coin uuid → CoinGecko id, for the coins that match, leaving out the ids in {@code taken} */
    Map<String, String> match(List<UnmappedCoin> coins, Set<String> taken) {
        Set<String> given = new HashSet<>(taken);
        Map<String, String> ids = new HashMap<>();
        for (UnmappedCoin coin : coins) {
            String id = idOf(coin);
            if (id != null && given.add(id)) {
                ids.put(coin.uuid(), id);
            }
        }
        return ids;
    }

    private String idOf(UnmappedCoin coin) {
        List<GeckoCoin> sameSymbol = bySymbol.getOrDefault(coin.symbol().toLowerCase(Locale.ROOT), List.of());
        if (sameSymbol.size() == 1) {
            return sameSymbol.get(0).id();
        }
        List<GeckoCoin> sameName = sameSymbol.stream()
                .filter(gecko -> coin.name().equalsIgnoreCase(gecko.name()))
                .toList();
        return sameName.size() == 1 ? sameName.get(0).id() : null;
    }

    record UnmappedCoin(String uuid, String symbol, String name) {}
}
