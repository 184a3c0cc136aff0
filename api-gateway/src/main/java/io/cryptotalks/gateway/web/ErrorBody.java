package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The error body of every 4xx and 5xx. Clients branch on {@code message}; {@code error} is for people. */
@Schema(
        name = "Error",
        example = "{\"statusCode\":403,\"message\":\"wrong-credentials\",\"error\":\"Wrong credentials\"}")
public record ErrorBody(
        @Schema(description = "the HTTP status") int statusCode,

        @Schema(description = "machine-readable code, e.g. validation-error")
        String message,

        @Schema(description = "human-readable description") String error) {

    /** The body of a 4xx that has no code of its own: {@code bad-request}, or the status's name ({@code not-acceptable}). */
    static ErrorBody of(HttpStatus status) {
        return status == HttpStatus.BAD_REQUEST
                ? ApiError.BAD_REQUEST.body()
                : new ErrorBody(
                        status.value(),
                        status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        status.getReasonPhrase());
    }
}
