package io.cryptotalks.cryptorates.coinranking;

/** A body that is not a usable market reading as a whole (a failed status, no stats): nothing of it is applied. */
public class MalformedMarketException extends RuntimeException {

    MalformedMarketException(String message) {
        super(message);
    }
}
