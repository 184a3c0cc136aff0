package io.cryptotalks.gateway.market;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coin lists (E27, E32) on the crypto-rates-service's {@code cryptocurrencies}: sorted by an allow-listed column
 * (numbers as numbers), searched by name or symbol — substring (so prefix) with LIKE, typos with pg_trgm's word
 * similarity ({@code %>}), both on the trigram indexes — and counted with the same filter, in one snapshot.
 */
@Repository
class CoinSearch {

    static final String ROW_COLUMNS = """
            c.id, c.uuid, c.symbol, c.name, c.icon_url, c.volume_24h, c.market_cap, c.price, c.btc_price, c.change,
            c.coinranking_url, c.sparkline, c.rank, c.tier, c.likes""";

    private static final String SEARCH = """
            (lower(c.name) like :pattern or lower(c.symbol) like :pattern
             or lower(c.name) %> :search or lower(c.symbol) %> :search)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    CoinSearch(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Every coin matching the query's search. */
    MarketResponses.CoinPage page(CoinQuery query) {
        return select(query, null);
    }

    /** The coins among {@code uuids} (a user's favourites) matching the query's search. */
    MarketResponses.CoinPage among(CoinQuery query, Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return new MarketResponses.CoinPage(0, List.of());
        }
        return select(query, uuids.toArray(String[]::new));
    }

    private MarketResponses.CoinPage select(CoinQuery query, String[] uuids) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (query.search() != null) {
            where.add(SEARCH);
            params.put("pattern", query.likePattern());
            params.put("search", query.search());
        }
        if (uuids != null) {
            where.add("c.uuid = any(cast(:uuids as varchar[]))");
            params.put("uuids", uuids);
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return snapshot.execute(status -> {
            long count = jdbc.sql("select count(*) from cryptocurrencies c" + filter)
                    .params(params)
                    .query(Long.class)
                    .single();
            List<MarketResponses.CoinRow> rows = count == 0
                    ? List.of()
                    : jdbc.sql("select " + ROW_COLUMNS
                                    + " from cryptocurrencies c" + filter + " order by " + query.orderClause()
                                    + " limit :limit offset :offset")
                            .params(params)
                            .param("limit", query.pageSize())
                            .param("offset", query.offset())
                            .query((rs, row) -> row(rs))
                            .list();
            return new MarketResponses.CoinPage(count, rows);
        });
    }

    static MarketResponses.CoinRow row(ResultSet rs) throws SQLException {
        return new MarketResponses.CoinRow(
                rs.getObject("id", UUID.class),
                rs.getString("uuid"),
                rs.getString("symbol"),
                rs.getString("name"),
                rs.getString("icon_url"),
                plain(rs.getBigDecimal("volume_24h")),
                plain(rs.getBigDecimal("market_cap")),
                rs.getDouble("price"),
                rs.getDouble("btc_price"),
                rs.getObject("change", Double.class),
                rs.getString("coinranking_url"),
                texts(rs.getArray("sparkline")),
                rs.getInt("rank"),
                rs.getInt("tier"),
                rs.getInt("likes"));
    }

    static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    /** A text array as a list that keeps its null entries (a sparkline may have gaps). */
    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
    }
}
