package io.cryptotalks.cryptorates.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads market_stats in a loop, as the gateway would, and notes every read that is not exactly one row. */
final class StatsReader implements Runnable {

    private final JdbcClient jdbc;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> anomalies = new CopyOnWriteArrayList<>();

    StatsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        while (running.get()) {
            List<Integer> totals = jdbc.sql("select total from market_stats")
                    .query(Integer.class)
                    .list();
            if (totals.size() != 1) {
                anomalies.add("read " + totals.size() + " rows");
            }
            reads.incrementAndGet();
        }
    }

    void stop() {
        running.set(false);
    }

    int reads() {
        return reads.get();
    }

    List<String> anomalies() {
        return anomalies;
    }
}
