package io.cryptotalks.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import org.junit.jupiter.api.Test;

/** What reaches the SQL text of the coin lists comes from the allow-lists only. */
class CoinQueryTests {

    @Test
    void pagesOrdersAndColumnsOutsideTheAllowListsAreBadRequests() {
        badRequest(() -> new CoinQuery(-1, 10, "asc", "rank", null));
        badRequest(() -> new CoinQuery(0, 0, "asc", "rank", null));
        badRequest(() -> new CoinQuery(0, 101, "asc", "rank", null));
        badRequest(() -> new CoinQuery(0, 10, "sideways", "rank", null));
        badRequest(() -> new CoinQuery(0, 10, "asc nulls first", "rank", null));
        badRequest(() -> new CoinQuery(0, 10, "asc", "password", null));
        badRequest(() -> new CoinQuery(0, 10, "asc", "rank; drop table users", null));
        badRequest(() -> new CoinQuery(0, 10, "asc", "rank", "x".repeat(51)));
    }

    @Test
    void everyAllowedColumnInAnyCase() {
        for (String orderBy : new String[] {
            "rank", "name", "price", "marketCap", "change", "volume24h", "likes", "tier", "createdAt", "MARKETCAP"
        }) {
            assertThat(new CoinQuery(0, 100, "Desc", orderBy, "x".repeat(50)).orderClause())
                    .as(orderBy)
                    .matches("(lower\\()?c\\.[a-z_0-9]+\\)? DESC.*");
        }
        assertThat(new CoinQuery(0, 10, "asc", "volume24h", null).orderClause())
                .isEqualTo("c.volume_24h ASC, c.rank asc, c.uuid asc");
        assertThat(new CoinQuery(0, 10, "desc", "change", null).orderClause())
                .isEqualTo("c.change DESC nulls last, c.rank asc, c.uuid asc");
        assertThat(new CoinQuery(0, 10, "desc", "rank", null).orderClause()).isEqualTo("c.rank DESC, c.uuid DESC");
    }

    @Test
    void theSearchIsTrimmedLowerCasedAndItsWildcardsLiteral() {
        assertThat(new CoinQuery(0, 10, "asc", "rank", "   ").search()).isNull();
        assertThat(new CoinQuery(0, 10, "asc", "rank", " BitCoin ").search()).isEqualTo("bitcoin");
        assertThat(new CoinQuery(0, 10, "asc", "rank", "50%_a\\b").likePattern())
                .isEqualTo("%50\\%\\_a\\\\b%");
        assertThat(new CoinQuery(3, 20, "asc", "rank", null).offset()).isEqualTo(60);
        assertThat(new CoinQuery(Integer.MAX_VALUE, 100, "asc", "rank", null).offset())
                .isEqualTo(Integer.MAX_VALUE * 100L);
    }

    private static void badRequest(Runnable query) {
        assertThatThrownBy(query::run)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.BAD_REQUEST));
    }
}
