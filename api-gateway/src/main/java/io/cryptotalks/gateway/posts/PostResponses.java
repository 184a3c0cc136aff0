package io.cryptotalks.gateway.posts;

import io.cryptotalks.common.events.posts.Cashtag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The post and list shapes of the contract (E20, E21); no user id but the author's leaves the gateway. */
final class PostResponses {

    private PostResponses() {}

    @Schema(name = "Post")
    record Post(
            UUID id,
            UUID userId,
            String username,
            String title,
            String slug,
            List<String> content,
            String preview,
            List<String> searchTags,
            Instant createdAt,
            Instant updatedAt,
            int rating,

            @Schema(
                    description = "all the post's comments; postInfo.comments holds the first page of them, "
                            + "the rest are at /api/posts/comments/{postId}/{page}/{pageSize}")
            long commentsCount,

            @Schema(
                    description = "the caller's vote: +, - or null",
                    nullable = true,
                    allowableValues = {"+", "-"})
            String myRate,

            PostInfo postInfo,

            @Schema(description = "the coins the post names ($BTC), each with its price when first named and now")
            List<CashtagQuote> cashtags,

            References references) {

        /** @param prices the coins' prices now, by uuid (a coin no longer listed is absent) */
        static Post of(PostView view, UUID caller, Map<String, Double> prices, References references) {
            return new Post(
                    view.id,
                    view.userId,
                    view.username,
                    view.title,
                    view.slug,
                    view.content,
                    view.preview,
                    view.searchTags,
                    view.createdAt,
                    view.updatedAt,
                    view.rating,
                    view.commentsCount,
                    voteOf(view.votes, caller),
                    new PostInfo(rates(view.votes, caller), comments(view, caller)),
                    view.cashtags.stream()
                            .map(cashtag -> CashtagQuote.of(cashtag, prices.get(cashtag.coinUuid())))
                            .toList(),
                    references);
        }
    }

    @Schema(name = "CashtagQuote")
    record CashtagQuote(
            String symbol,

            @Schema(description = "the coin's Coinranking uuid (its page is /api/crypto/get/{uuid})")
            String coinUuid,

            @Schema(description = "US dollars when the post first named the coin")
            double priceAtPost,

            @Schema(nullable = true, description = "US dollars now; null when the coin is no longer listed")
            Double price,

            @Schema(
                    nullable = true,
                    description = "the change since the post named the coin, in percent, two decimals "
                            + "(12.34 = +12.34 %); null without a price now or at posting")
            Double changePercent) {

        static CashtagQuote of(Cashtag cashtag, Double price) {
            Double change = price == null || cashtag.priceAtPost() <= 0
                    ? null
                    : Math.round((price - cashtag.priceAtPost()) / cashtag.priceAtPost() * 10_000) / 100.0;
            return new CashtagQuote(cashtag.symbol(), cashtag.coinUuid(), cashtag.priceAtPost(), price, change);
        }
    }

    @Schema(
            name = "References",
            description = "which @names and $SYMBOLS of the answer's texts link somewhere; others are plain text")
    record References(
            @Schema(description = "the existing users mentioned, lower case (a mention matches any case)")
            List<String> users,

            @Schema(
                    description = "the coins' uuids by symbol, as written (a symbol several coins share: the "
                            + "highest-ranked)")
            Map<String, String> coins) {}

    record PostInfo(
            @Schema(
                    description = "the caller's own vote, if any (the contract listed every voter's name; "
                            + "rating counts them all)")
            List<Rate> rates,

            @Schema(description = "the first page of the comments, oldest first")
            List<Comment> comments) {}

    record Rate(
            String username,
            @Schema(allowableValues = {"+", "-"}) String rate,
            boolean rated) {}

    record Comment(
            UUID id,
            String username,
            String payload,
            Instant createdAt,
            int rating,

            @Schema(
                    description = "the caller's vote: +, - or null",
                    nullable = true,
                    allowableValues = {"+", "-"})
            String myRate,

            @Schema(description = "the caller's own vote on the comment, if any")
            List<Rate> commentRates) {}

    @Schema(name = "CommentPage")
    record CommentPage(
            @Schema(description = "all the post's comments") long count, List<Comment> rows, References references) {

        static CommentPage of(PostView view, UUID caller, References references) {
            return new CommentPage(view.commentsCount, comments(view, caller), references);
        }
    }

    @Schema(name = "PostSummary")
    record Summary(
            UUID id,
            String title,
            String preview,
            String slug,
            List<String> searchTags,
            String username,
            Instant createdAt,
            int rating,
            int commentsCount) {}

    @Schema(name = "PostPage")
    record Page(long count, List<Summary> rows) {}

    @Schema(name = "Tag")
    record Tag(String tag, int posts) {}

    @Schema(name = "TagPage")
    record TagDetails(
            String tag,

            @Schema(description = "live posts that carry it")
            int posts,

            @Schema(description = "users who follow it") int followers,

            @Schema(description = "the signed-in caller follows it")
            boolean followedByYou) {}

    @Schema(name = "Feed")
    record Feed(
            List<Summary> rows,

            @Schema(nullable = true, description = "pass as cursor for the next page; null on the last page")
            String nextCursor,

            @Schema(description = "false when the caller follows no one and no tag (the empty state)")
            boolean followsAnything) {}

    private static List<Comment> comments(PostView view, UUID caller) {
        return view.comments.stream()
                .map(comment -> new Comment(
                        comment.id,
                        comment.username,
                        comment.payload,
                        comment.createdAt,
                        comment.rating,
                        voteOf(comment.votes, caller),
                        rates(comment.votes, caller)))
                .toList();
    }

    /**
     * The contract's vote list, cut to the caller's own vote: the view also holds the votes of other users with a
     * vote on its way (for the overlay), and listing every voter grew without bound.
     */
    private static List<Rate> rates(Map<UUID, PostView.Vote> votes, UUID caller) {
        PostView.Vote vote = caller == null ? null : votes.get(caller);
        return vote == null ? List.of() : List.of(new Rate(vote.username(), vote.rate(), true));
    }

    private static String voteOf(Map<UUID, PostView.Vote> votes, UUID caller) {
        PostView.Vote vote = caller == null ? null : votes.get(caller);
        return vote == null ? null : vote.rate();
    }
}
