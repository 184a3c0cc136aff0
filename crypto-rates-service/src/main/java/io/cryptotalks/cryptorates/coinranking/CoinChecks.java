package io.cryptotalks.cryptorates.coinranking;

import io.cryptotalks.cryptorates.market.CoinReading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a coin as sent into a {@link CoinReading}, or says why it cannot be one: a missing required field, a number
 * that is not one, a text longer than its column. Checked before any SQL, so one bad coin never fails a statement
 * (and with it the batch's transaction).
 */
final class CoinChecks {

    private static final int TEXT_COLUMN = 255;
    /** numeric(40, 2) and numeric(40, 0): at most 38 and 40 digits before the point. */
    private static final int VOLUME_DIGITS = 38;

    private static final int MARKET_CAP_DIGITS = 40;

    private CoinChecks() {}

    static CoinReading check(CoinrankingCoin coin) {
        // the identity first, so a coin without one is reported as such
        String uuid = text("uuid", coin.uuid());
        String symbol = text("symbol", coin.symbol());
        String name = text("name", coin.name());
        BigDecimal marketCap = amount("marketCap", coin.marketCap()).setScale(0, RoundingMode.HALF_UP);
        BigDecimal volume = amount("24hVolume", coin.volume24h()).setScale(2, RoundingMode.HALF_UP);
        if (marketCap.precision() > MARKET_CAP_DIGITS || volume.precision() - volume.scale() > VOLUME_DIGITS) {
            throw new MalformedCoinException("marketCap or 24hVolume is too large");
        }
        return new CoinReading(
                uuid,
                symbol,
                name,
                text("iconUrl", coin.iconUrl()),
                marketCap,
                amount("price", coin.price()).doubleValue(),
                amount("btcPrice", coin.btcPrice()).doubleValue(),
                coin.change() == null ? null : number("change", coin.change()).doubleValue(),
                text("coinrankingUrl", coin.coinrankingUrl()),
                sparkline(coin.sparkline()),
                required("rank", coin.rank()),
                required("tier", coin.tier()),
                volume);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedCoinException(field + " is missing");
        }
        if (value.length() > TEXT_COLUMN) {
            throw new MalformedCoinException(field + " is longer than " + TEXT_COLUMN + " characters");
        }
        return value;
    }

    private static BigDecimal amount(String field, String value) {
        BigDecimal number = number(field, value);
        if (number.signum() < 0) {
            throw new MalformedCoinException(field + " is negative");
        }
        return number;
    }

    private static BigDecimal number(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedCoinException(field + " is missing");
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedCoinException(field + " is not a number: '" + abbreviate(value) + "'");
        }
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw new MalformedCoinException(field + " is missing");
        }
        return value;
    }

    private static List<String> sparkline(List<String> points) {
        List<String> checked = new ArrayList<>();
        for (String point : points == null ? List.<String>of() : points) {
            // an hour without a price stays a null entry, as Coinranking sends it
            checked.add(
                    point == null
                            ? null
                            : text(
                                    "sparkline entry",
                                    number("sparkline entry", point).toPlainString()));
        }
        return checked;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static final class MalformedCoinException extends RuntimeException {
        MalformedCoinException(String message) {
            super(message);
        }
    }
}
