package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The error body of every 4xx and 5xx. Clients branch on {@code message}; {@code error} is for people. */
@Schema(name = "Error", example = "{\"statusCode\":403,\"message\":\"wrong-credentials\",\"error\":\"Wrong credentials\"}")
public record ErrorBody(
        @Schema(description = "the HTTP status") int statusCode,
        @Schema(description = "machine-readable code, e.g. validation-error") String message,
        @Schema(description = "human-readable description") String error) {
}
