package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.posts.Cashtag;
import io.cryptotalks.common.text.TextReferences;
import io.cryptotalks.gateway.market.CoinDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which coins a post names ({@link TextReferences#CASHTAG} in its title, preview and content), decided when it is
 * written: a symbol resolves against the market data to the highest-ranked coin with it, with the price at that
 * moment; an unknown symbol stays plain text. An edit keeps the price of a coin the post named before.
 */
@Component
class Cashtags {

    private final CoinDirectory coins;

    Cashtags(CoinDirectory coins) {
        this.coins = coins;
    }

    /** The post's cashtags after writing {@code texts}: {@code before} as they were (empty for a new post). */
    List<Cashtag> of(Collection<String> texts, List<Cashtag> before) {
        Set<String> symbols = TextReferences.cashtagSymbols(texts);
        Map<String, Cashtag> kept = before.stream()
                .filter(cashtag -> symbols.contains(cashtag.symbol()))
                .collect(Collectors.toMap(Cashtag::symbol, Function.identity(), (first, second) -> first));
        Map<String, CoinDirectory.CoinRef> found = coins.bySymbol(
                symbols.stream().filter(symbol -> !kept.containsKey(symbol)).toList());
        List<Cashtag> cashtags = new ArrayList<>();
        Set<String> coinsNamed = new HashSet<>();
        for (String symbol : symbols) {
            Cashtag cashtag = kept.get(symbol);
            if (cashtag == null && found.containsKey(symbol)) {
                CoinDirectory.CoinRef coin = found.get(symbol);
                cashtag = new Cashtag(symbol, coin.uuid(), coin.price());
            }
            if (cashtag != null && coinsNamed.add(cashtag.coinUuid())) {
                cashtags.add(cashtag);
            }
        }
        return cashtags;
    }
}
