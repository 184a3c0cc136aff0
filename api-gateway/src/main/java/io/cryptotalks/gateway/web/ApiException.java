package io.cryptotalks.gateway.web;

/** Ends a request with the contract's error body: {@code {statusCode, message, error}}. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    ApiException(ApiError error, String detail) {
        super(detail);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
