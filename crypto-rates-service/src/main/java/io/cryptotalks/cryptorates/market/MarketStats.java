package io.cryptotalks.cryptorates.market;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The single {@code market_stats} row. */
@Component
public class MarketStats {

    /** The row's fixed id: replacing it is one upsert, so a reader sees the old figures or the new, never no row. */
    static final UUID ROW_ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

    private final JdbcClient jdbc;

    MarketStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction; {@code sample} marks figures that come from the bundled sample, not the market. */
    public void replace(MarketTotals totals, boolean sample) {
        jdbc.sql("""
                        insert into market_stats (id, total, total_coins, total_markets, total_exchanges,
                                                  total_market_cap, total_daily_volume, sample)
                        values (:id, :total, :totalCoins, :totalMarkets, :totalExchanges, :totalMarketCap,
                                :totalDailyVolume, :sample)
                        on conflict (id) do update set
                            total = excluded.total, total_coins = excluded.total_coins,
                            total_markets = excluded.total_markets, total_exchanges = excluded.total_exchanges,
                            total_market_cap = excluded.total_market_cap,
                            total_daily_volume = excluded.total_daily_volume, sample = excluded.sample,
                            updated_at = now()
                        """)
                .param("id", ROW_ID)
                .param("total", totals.total())
                .param("totalCoins", totals.totalCoins())
                .param("totalMarkets", totals.totalMarkets())
                .param("totalExchanges", totals.totalExchanges())
                .param("totalMarketCap", totals.totalMarketCap())
                .param("totalDailyVolume", totals.total24hVolume())
                .param("sample", sample)
                .update();
        // a row of another id (written before this single-row scheme) goes in the same transaction: still never empty
        jdbc.sql("delete from market_stats where id <> ?").param(ROW_ID).update();
    }

    /** Whether the figures now in the table are the sample's (so its invented price history can go). */
    public boolean isSample() {
        return jdbc.sql("select coalesce(bool_or(sample), false) from market_stats")
                .query(Boolean.class)
                .single();
    }
}
