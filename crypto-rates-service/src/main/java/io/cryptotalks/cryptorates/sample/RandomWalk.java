package io.cryptotalks.cryptorates.sample;

import io.cryptotalks.cryptorates.market.CoinReading;
import io.cryptotalks.cryptorates.market.PriceHistory.Point;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An invented hourly price history for a sample coin: a random walk, walked backwards from the coin's price so it ends
 * exactly there, seeded by the coin's uuid so every start draws the same shape. Its hourly swing follows the coin's
 * 24-hour change, so stablecoins stay flat and volatile coins move.
 */
final class RandomWalk {

    private RandomWalk() {}

    static List<Point> hourlyEndingAt(CoinReading coin, Instant end, int points) {
        Random random = new Random(coin.uuid().hashCode());
        double swing = hourlySwing(coin.change());
        double[] prices = new double[points];
        prices[points - 1] = coin.price();
        for (int i = points - 2; i >= 0; i--) {
            // clamped, so a step never takes the price to zero or below
            double step = Math.max(-4, Math.min(4, random.nextGaussian())) * swing;
            prices[i] = prices[i + 1] / (1 + step);
        }
        List<Point> walk = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            BigDecimal marketCap = coin.marketCap()
                    .multiply(BigDecimal.valueOf(prices[i] / coin.price()))
                    .setScale(0, RoundingMode.HALF_UP);
            walk.add(new Point(end.minus(Duration.ofHours(points - 1L - i)), prices[i], marketCap));
        }
        return walk;
    }

    /** A 24-hour change of c % is about c/√24 % per hour; at least 0.05 % and at most 2 %. */
    private static double hourlySwing(Double change24h) {
        double perHour = change24h == null ? 0.01 : Math.abs(change24h) / 100 / Math.sqrt(24);
        return Math.max(0.0005, Math.min(0.02, perHour));
    }
}
