package io.cryptotalks.gateway.market;

import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.CurrentUser;
import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "crypto", description = "Coins, market stats, price history and favourite coins (E27–E32)")
class MarketController {

    private static final String PAGE_RULES = "page ≥ 0, pageSize 1–100, order ASC or DESC (any case), orderBy one of "
            + "rank, name, price, marketCap, change, volume24h, likes (and tier, createdAt). Ties are broken by rank; "
            + "count is every matching coin.";

    private final MarketQueries queries;
    private final FavouriteService favourites;

    MarketController(MarketQueries queries, FavouriteService favourites) {
        this.queries = queries;
        this.favourites = favourites;
    }

    @GetMapping("/api/crypto/list/{page}/{pageSize}/{order}/{orderBy}")
    @Operation(
            summary = "List and search coins",
            description =
                    PAGE_RULES + " searchQuery (at most 50 characters) "
                            + "matches name or symbol in any case: a prefix or substring (\"eth\"), or with a typo (\"bitcon\").")
    @ApiResponse(responseCode = "200", description = "a page of coins")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: bad page, pageSize, order, orderBy or searchQuery",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MarketResponses.CoinPage list(
            @Parameter(example = "0") @PathVariable int page,
            @Parameter(example = "20") @PathVariable int pageSize,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"ASC", "DESC"}))
                    @PathVariable
                    String order,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "rank",
                                                "name",
                                                "price",
                                                "marketCap",
                                                "change",
                                                "volume24h",
                                                "likes"
                                            }))
                    @PathVariable
                    String orderBy,
            @Parameter(example = "eth") @RequestParam(required = false) String searchQuery) {
        return queries.list(new CoinQuery(page, pageSize, order, orderBy, searchQuery));
    }

    @GetMapping("/api/crypto/get/{uuid}")
    @Operation(
            summary = "One coin by its Coinranking uuid",
            description = "isFavorite is the caller's (false when anonymous); the rest may be up to a minute old.")
    @ApiResponse(responseCode = "200", description = "the coin")
    @ApiResponse(
            responseCode = "404",
            description = "no-crypto",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MarketResponses.Coin get(
            @PathVariable String uuid,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return queries.coin(uuid, user == null ? null : user.userId());
    }

    @GetMapping("/api/crypto/market-stats")
    @Operation(summary = "Market totals of the last sync", description = "Never an empty body.")
    @ApiResponse(responseCode = "200", description = "the totals")
    @ApiResponse(
            responseCode = "503",
            description = "market-not-synced: no sync has ever committed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MarketResponses.MarketStats marketStats() {
        return queries.stats();
    }

    @GetMapping("/api/crypto/history/{uuid}")
    @Operation(summary = "A coin's price history", description = "range: 24h (default), 7d or 30d; oldest point first.")
    @ApiResponse(responseCode = "200", description = "the points of the range")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: bad range",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no-crypto",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MarketResponses.History history(
            @PathVariable String uuid,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"24h", "7d", "30d"}))
                    @RequestParam(required = false)
                    String range) {
        return queries.history(uuid, HistoryRange.parse(range));
    }

    @PatchMapping("/api/crypto/favorites/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Add a coin to the caller's favourites",
            description = "id is the Coinranking uuid. Twice is one favourite. The caller's reads show it at once.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no-crypto",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse favourite(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String id) {
        favourites.favourite(user.userId(), id);
        return MessageResponse.SUCCESS;
    }

    @DeleteMapping("/api/crypto/favorite/{id}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Remove a coin from the caller's favourites",
            description = "Singular path, as the original. Removing a coin that is not a favourite is fine.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no-crypto",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse unfavourite(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String id) {
        favourites.unfavourite(user.userId(), id);
        return MessageResponse.SUCCESS;
    }

    @GetMapping("/api/crypto/list-favorites/{page}/{pageSize}/{order}/{orderBy}")
    @Operation(
            summary = "Someone's favourite coins",
            description = "With username: that user's, for anyone. "
                    + "Without: the signed-in caller's own (401 when anonymous). " + PAGE_RULES)
    @ApiResponse(responseCode = "200", description = "a page of coins")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token: anonymous and no username",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MarketResponses.CoinPage listFavourites(
            @Parameter(example = "0") @PathVariable int page,
            @Parameter(example = "5") @PathVariable int pageSize,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"DESC", "ASC"}))
                    @PathVariable
                    String order,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "rank",
                                                "name",
                                                "price",
                                                "marketCap",
                                                "change",
                                                "volume24h",
                                                "likes"
                                            }))
                    @PathVariable
                    String orderBy,
            @RequestParam(required = false) String username,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return queries.favourites(
                CoinQuery.of(page, pageSize, order, orderBy), username, user == null ? null : user.userId());
    }
}
