package io.cryptotalks.gateway.market;

import io.cryptotalks.gateway.web.ApiError;
import java.util.Locale;
import java.util.Map;

/**
 * A validated page request of the coin lists (E27, E32): every value that reaches SQL text comes from the allow-lists
 * here, never from the request. Equal queries are equal records, so a query is also its own cache key.
 */
record CoinQuery(int page, int pageSize, String order, String orderBy, String search) {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_SEARCH_LENGTH = 50;

    /** orderBy (lower case) → its column; {@code tier} and {@code createdAt} for the original's clients. */
    private static final Map<String, String> COLUMNS = Map.of(
            "rank",
            "c.rank",
            "name",
            "lower(c.name)",
            "price",
            "c.price",
            "marketcap",
            "c.market_cap",
            "change",
            "c.change",
            "volume24h",
            "c.volume_24h",
            "likes",
            "c.likes",
            "tier",
            "c.tier",
            "createdat",
            "c.created_at");

    CoinQuery {
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception("page must be 0 or more and pageSize 1 to " + MAX_PAGE_SIZE);
        }
        order = order.toUpperCase(Locale.ROOT);
        if (!order.equals("ASC") && !order.equals("DESC")) {
            throw ApiError.BAD_REQUEST.exception("order must be ASC or DESC");
        }
        orderBy = orderBy.toLowerCase(Locale.ROOT);
        if (!COLUMNS.containsKey(orderBy)) {
            throw ApiError.BAD_REQUEST.exception(
                    "orderBy must be rank, name, price, marketCap, change, volume24h, likes, tier or createdAt");
        }
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw ApiError.BAD_REQUEST.exception("searchQuery is longer than " + MAX_SEARCH_LENGTH + " characters");
        }
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
    }

    static CoinQuery of(int page, int pageSize, String order, String orderBy) {
        return new CoinQuery(page, pageSize, order, orderBy, null);
    }

    long offset() {
        return (long) page * pageSize;
    }

    /** The ORDER BY text: the chosen column (a missing change last either way), then rank, then the uuid. */
    String orderClause() {
        String column = COLUMNS.get(orderBy);
        String first = column + " " + order + (orderBy.equals("change") ? " nulls last" : "");
        return orderBy.equals("rank") ? first + ", c.uuid " + order : first + ", c.rank asc, c.uuid asc";
    }

    /** The search as a LIKE pattern for a substring (a prefix is a substring), with LIKE's wildcards taken literally. */
    String likePattern() {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
