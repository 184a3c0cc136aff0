package io.cryptotalks.gateway.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The error codes of the REST contract (original contract §0.5), plus the few this implementation adds. */
public enum ApiError {
    ACCOUNT_NOT_CONFIRMED(HttpStatus.FORBIDDEN, "account-not-confirmed", "Account not confirmed"),
    CORRUPTED_TOKEN(HttpStatus.UNAUTHORIZED, "corrupted-token", "Corrupted token"),
    EMAIL_ALREADY_CONFIRMED(HttpStatus.FORBIDDEN, "email-already-confirmed", "Email address already confirmed"),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, "token-expired", "Token expired"),
    HASH_NOT_FOUND(HttpStatus.NOT_FOUND, "hash-not-found", "Hash not found"),
    HASH_EXPIRED(HttpStatus.BAD_REQUEST, "hash-expired", "This confirmation link has expired"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token"),
    SESSION_HAS_EXPIRED(HttpStatus.UNAUTHORIZED, "session-has-expired", "Session has expired"),
    TAC_NOT_ACCEPTED(HttpStatus.FORBIDDEN, "tac-not-accepted", "T&C is not accepted"),
    USER_ALREADY_EXISTS(HttpStatus.FORBIDDEN, "user-already-exists", "User already exists"),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "user-not-found", "User not found"),
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST, "validation-error", "Validation error"),
    WRONG_CREDENTIALS(HttpStatus.FORBIDDEN, "wrong-credentials", "Wrong credentials"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
    WRONG_HASH(HttpStatus.BAD_REQUEST, "wrong-hash", "Wrong hash"),
    SAME_PASSWORD(HttpStatus.BAD_REQUEST, "same-password", "Same password as previous one"),
    PASSWORD_CHANGED_RECENTLY(
            HttpStatus.BAD_REQUEST, "password-changed-recently", "The password can be changed once in 24 hours"),
    EMAIL_ALREADY_CHANGED(HttpStatus.BAD_REQUEST, "email-already-changed", "Email has been already changed"),
    EMAIL_CHANGE_CONFIRMED(HttpStatus.BAD_REQUEST, "email-change-confirmed", "Email address change already confirmed"),
    USERNAME_TAKEN(HttpStatus.FORBIDDEN, "username-taken", "Username is taken"),
    WRONG_2FA(HttpStatus.BAD_REQUEST, "wrong-2fa", "Wrong 2FA code"),
    PHONE_CODE_ERROR(HttpStatus.BAD_REQUEST, "phone-code-error", "Wrong or expired code"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    POST_NOT_FOUND(HttpStatus.NOT_FOUND, "post-not-found", "Post not found"),
    POST_ALREADY_EXISTS(HttpStatus.BAD_REQUEST, "post-already-exists", "Post with such title already exists"),
    TAG_LENGTH(HttpStatus.BAD_REQUEST, "tag-length", "Tag length error"),
    WRONG_USER(HttpStatus.BAD_REQUEST, "wrong-user", "Wrong user"),
    WRONG_RATE(HttpStatus.BAD_REQUEST, "wrong-rate", "Wrong rate value"),
    COMMENT_DOESNT_EXIST(HttpStatus.BAD_REQUEST, "comment-doesnt-exist", "Comment does not exist"),
    CANNOT_FOLLOW_YOURSELF(HttpStatus.BAD_REQUEST, "cannot-follow-yourself", "You cannot follow yourself"),
    NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "notification-not-found", "Notification not found"),
    /** 404, not the original's 400: the coin is a resource that does not exist. */
    NO_CRYPTO(HttpStatus.NOT_FOUND, "no-crypto", "Cryptocurrency not found"),
    MARKET_NOT_SYNCED(HttpStatus.SERVICE_UNAVAILABLE, "market-not-synced", "Market data has not been loaded yet"),
    SERVER_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", "The server is busy, try again in a moment"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many attempts, try again later"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send the body as application/json"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", "Internal Server Error");

    private final HttpStatus status;
    private final String message;
    private final String error;

    ApiError(HttpStatus status, String message, String error) {
        this.status = status;
        this.message = message;
        this.error = error;
    }

    public HttpStatus status() {
        return status;
    }

    /** The machine-readable code, the body's {@code message}. */
    public String code() {
        return message;
    }

    public ApiException exception() {
        return new ApiException(this, error, null);
    }

    /** The same code with a more precise human text, e.g. which field failed validation. */
    public ApiException exception(String detail) {
        return new ApiException(this, detail, null);
    }

    /** The same code, telling the client when to try again ({@code Retry-After}). */
    public ApiException exception(String detail, Duration retryAfter) {
        return new ApiException(this, detail, retryAfter);
    }

    ErrorBody body(String detail) {
        return new ErrorBody(status.value(), message, detail);
    }

    ErrorBody body() {
        return body(error);
    }
}
