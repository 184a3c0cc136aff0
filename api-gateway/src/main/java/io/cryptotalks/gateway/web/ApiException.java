package io.cryptotalks.gateway.web;

import java.time.Duration;
import java.util.Optional;

/** Ends a request with the contract's error body: {@code {statusCode, message, error}}. */
public class ApiException extends RuntimeException {

    private final ApiError error;
    private final Duration retryAfter;

    ApiException(ApiError error, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public ApiError error() {
        return error;
    }

    /** When a 429 or 503 may be retried: the {@code Retry-After} header, in whole seconds. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
