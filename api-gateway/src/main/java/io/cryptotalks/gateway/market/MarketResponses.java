package io.cryptotalks.gateway.market;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The market shapes of the contract (E27–E29, E32) plus the price history. */
final class MarketResponses {

    private MarketResponses() {}

    /** A list row: the contract's E27 fields plus {@code likes}; market cap and volume are strings, as there. */
    @Schema(name = "CoinRow")
    record CoinRow(
            UUID id,

            @Schema(description = "the Coinranking uuid", example = "Qwsogvtv82FCd")
            String uuid,

            @Schema(example = "BTC") String symbol,
            @Schema(example = "Bitcoin") String name,
            String iconUrl,

            @Schema(description = "24 h volume in USD, a decimal string", example = "123456789.12")
            String volume24h,

            @Schema(description = "market cap in USD, an integer string", example = "1258893992421")
            String marketCap,

            @Schema(example = "43000.12") double price,
            @Schema(example = "1") double btcPrice,

            @Schema(description = "24 h change in percent; may be null", example = "-1.23", nullable = true)
            Double change,

            String coinrankingUrl,

            @ArraySchema(
                    arraySchema = @Schema(description = "recent prices, oldest first; an entry may be null"),
                    schema = @Schema(nullable = true))
            List<String> sparkline,

            @Schema(example = "1") int rank,
            @Schema(example = "1") int tier,

            @Schema(description = "how many users have the coin among their favourites", example = "3")
            int likes) {}

    /** One coin (E28): the row plus its description and times, and whether the caller has it among their favourites. */
    @Schema(name = "Coin")
    record Coin(
            UUID id,
            String uuid,

            @Schema(description = "the CoinGecko id, when known", nullable = true)
            String symbolId,

            String symbol,
            String name,

            @Schema(description = "sanitised HTML, or null", nullable = true)
            String description,

            String iconUrl,
            String volume24h,
            String marketCap,
            double price,
            double btcPrice,
            @Schema(nullable = true) Double change,
            String coinrankingUrl,
            @ArraySchema(schema = @Schema(nullable = true)) List<String> sparkline,
            int rank,
            int tier,
            int likes,
            Instant createdAt,
            Instant updatedAt,

            @JsonProperty("isFavorite") @Schema(description = "the caller's favourite; false when anonymous")
            boolean isFavorite) {

        Coin withFavorite(boolean favorite) {
            return new Coin(
                    id,
                    uuid,
                    symbolId,
                    symbol,
                    name,
                    description,
                    iconUrl,
                    volume24h,
                    marketCap,
                    price,
                    btcPrice,
                    change,
                    coinrankingUrl,
                    sparkline,
                    rank,
                    tier,
                    likes,
                    createdAt,
                    updatedAt,
                    favorite);
        }
    }

    /** {@code count} is every matching coin, {@code rows} the requested page. */
    @Schema(name = "CoinPage")
    record CoinPage(long count, List<CoinRow> rows) {}

    @Schema(name = "MarketStats", example = """
            {"total":683,"totalCoins":24625,"totalMarkets":40089,"totalExchanges":179,"totalMarketCap":"1258893992421",\
            "total24hVolume":"90917765538","updatedAt":"2026-11-02T10:00:00Z","sample":true}""")
    record MarketStats(
            int total,
            int totalCoins,
            int totalMarkets,
            int totalExchanges,
            String totalMarketCap,
            String total24hVolume,
            Instant updatedAt,

            @Schema(description = "true while the market is the bundled sample (no Coinranking key)")
            boolean sample) {}

    @Schema(name = "PriceHistory")
    record History(
            String uuid,

            @Schema(
                    example = "7d",
                    allowableValues = {"24h", "7d", "30d"})
            String range,

            @Schema(description = "oldest first") List<PricePoint> points) {}

    @Schema(name = "PricePoint")
    record PricePoint(
            Instant at,
            double price,
            @Schema(example = "1258893992421") String marketCap) {}
}
