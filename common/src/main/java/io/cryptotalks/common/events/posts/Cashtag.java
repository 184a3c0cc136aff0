package io.cryptotalks.common.events.posts;

/**
 * A {@code $SYMBOL} of a post that names a coin: the coin (its Coinranking uuid; a symbol several coins share is the
 * highest-ranked one) and its price in US dollars when the post first mentioned it, which later edits keep.
 */
public record Cashtag(String symbol, String coinUuid, double priceAtPost) {}
