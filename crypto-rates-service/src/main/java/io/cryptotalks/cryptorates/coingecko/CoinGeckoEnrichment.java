package io.cryptotalks.cryptorates.coingecko;

import io.cryptotalks.cryptorates.MarketProperties;
import io.cryptotalks.cryptorates.http.ExternalApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a sync: gives coins their CoinGecko id, and fetches the descriptions of a few coins that never had one asked
 * for, so the worker, never a page view, fills descriptions in over time. Best effort: CoinGecko failing leaves the
 * rest for the next run and never touches the market data already committed.
 */
@Component
public class CoinGeckoEnrichment {

    private static final Logger log = LoggerFactory.getLogger(CoinGeckoEnrichment.class);

    private final CoinGeckoClient coinGecko;
    private final JdbcClient jdbc;
    private final int descriptionsPerRun;

    CoinGeckoEnrichment(CoinGeckoClient coinGecko, JdbcClient jdbc, MarketProperties properties) {
        this.coinGecko = coinGecko;
        this.jdbc = jdbc;
        this.descriptionsPerRun = properties.descriptionsPerSync();
    }

    public Outcome enrich() {
        int mapped;
        try {
            mapped = mapIds();
        } catch (ExternalApiException e) {
            log.warn("CoinGecko ids not updated: {}", e.getMessage());
            return new Outcome(0, 0, e.getMessage());
        }
        int described = 0;
        for (CoinToDescribe coin : coinsToDescribe()) {
            try {
                describe(coin);
                described++;
            } catch (ExternalApiException e) {
                log.warn("descriptions stopped at {}: {}", coin.symbolId(), e.getMessage());
                return new Outcome(mapped, described, e.getMessage());
            }
        }
        return new Outcome(mapped, described, null);
    }

    private int mapIds() {
        List<GeckoIds.UnmappedCoin> unmapped = jdbc.sql(
                        "select uuid, symbol, name from cryptocurrencies where symbol_id is null")
                .query(GeckoIds.UnmappedCoin.class)
                .list();
        if (unmapped.isEmpty()) {
            return 0;
        }
        Set<String> taken = new HashSet<>(jdbc.sql("select symbol_id from cryptocurrencies where symbol_id is not null")
                .query(String.class)
                .list());
        Map<String, String> ids = new GeckoIds(coinGecko.coinList()).match(unmapped, taken);
        int mapped = 0;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            mapped += jdbc.sql("""
                            update cryptocurrencies set symbol_id = :id
                            where uuid = :uuid and symbol_id is null
                              and not exists (select 1 from cryptocurrencies where symbol_id = :id)
                            """)
                    .param("id", id.getValue())
                    .param("uuid", id.getKey())
                    .update();
        }
        return mapped;
    }

    private List<CoinToDescribe> coinsToDescribe() {
        return jdbc.sql("""
                        select uuid, symbol_id from cryptocurrencies
                        where symbol_id is not null and description_fetched_at is null
                        order by rank limit ?
                        """)
                .param(descriptionsPerRun)
                .query(CoinToDescribe.class)
                .list();
    }

    private void describe(CoinToDescribe coin) {
        Optional<String> description =
                coinGecko.englishDescription(coin.symbolId()).map(DescriptionSanitiser::sanitise);
        // CoinGecko having none keeps what the coin has (the sample's text); asked once either way
        jdbc.sql(
                        "update cryptocurrencies set description = coalesce(?, description), description_fetched_at = now() where uuid = ?")
                .params(description.orElse(null), coin.uuid())
                .update();
    }

    record CoinToDescribe(String uuid, String symbolId) {}

    /** How many coins got an id and a description this run, and what stopped it early, if anything. */
    public record Outcome(int mapped, int described, String problem) {}
}
