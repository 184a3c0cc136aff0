package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.text.TextReferences;
import io.cryptotalks.gateway.market.CoinDirectory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which {@code @names} and {@code $SYMBOLS} of the texts an answer carries are existing users and coins, so the web
 * app links those and leaves the rest as text: one statement for the users and one for the coins, however many
 * names there are.
 */
@Component
class References {

    private final JdbcClient jdbc;
    private final CoinDirectory coins;

    References(JdbcClient jdbc, CoinDirectory coins) {
        this.jdbc = jdbc;
        this.coins = coins;
    }

    PostResponses.References in(Collection<String> texts) {
        Set<String> names = TextReferences.mentionedNames(texts);
        List<String> users = names.isEmpty()
                ? List.of()
                : jdbc.sql("""
                                select lower(username) from users where lower(username) = any(cast(:names as text[]))
                                order by lower(username)""")
                        .param("names", names.toArray(String[]::new))
                        .query(String.class)
                        .list();
        Map<String, String> coinUuids = new LinkedHashMap<>();
        coins.bySymbol(TextReferences.cashtagSymbols(texts))
                .forEach((symbol, coin) -> coinUuids.put(symbol, coin.uuid()));
        return new PostResponses.References(users, coinUuids);
    }
}
