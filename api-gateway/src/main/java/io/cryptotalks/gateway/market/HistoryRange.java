package io.cryptotalks.gateway.market;

import io.cryptotalks.gateway.web.ApiError;
import java.time.Duration;

/** The price-history windows a client may ask for. */
enum HistoryRange {
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    HistoryRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    String label() {
        return label;
    }

    Duration length() {
        return length;
    }

    /** {@code 24h} when absent; anything but {@code 24h}, {@code 7d} or {@code 30d} is a 400. */
    static HistoryRange parse(String text) {
        if (text == null) {
            return DAY;
        }
        for (HistoryRange range : values()) {
            if (range.label.equals(text)) {
                return range;
            }
        }
        throw ApiError.BAD_REQUEST.exception("range must be 24h, 7d or 30d");
    }
}
