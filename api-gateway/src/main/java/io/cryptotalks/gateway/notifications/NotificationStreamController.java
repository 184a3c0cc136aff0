package io.cryptotalks.gateway.notifications;

import io.cryptotalks.gateway.security.AccessTokenExpiry;
import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.CurrentUser;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's notifications as they happen (issue 10): a server-sent event stream. */
@RestController
@Tag(name = "notifications")
@SecurityRequirement(name = "access-token")
class NotificationStreamController {

    private final NotificationStreams streams;
    private final Clock clock;

    NotificationStreamController(NotificationStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    // no "produces": the API negotiates JSON only (JsonOnly); an SseEmitter sets text/event-stream itself
    @GetMapping("/api/notifications/stream")
    @Operation(
            summary = "The caller's notifications, live",
            description = "text/event-stream. `unread` events ({\"unread\": n}) on connecting and after every change;"
                    + " `notification` events (a Notification, new or changed: a batched vote counted, read), oldest"
                    + " first; `: keep-alive` comments every 20 s. Every event carries an `id`: send the last one as"
                    + " `Last-Event-ID` when reconnecting and everything changed since comes first. The stream ends"
                    + " when the access token expires or the session ends: reconnect with a fresh token.")
    @ApiResponse(
            responseCode = "200",
            description = "the stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: Last-Event-ID is not an id of this stream",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "429",
            description = "too-many-requests: the caller holds " + NotificationStreams.STREAMS_PER_USER
                    + " streams on this server already",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    SseEmitter stream(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletResponse response) {
        Duration lifetime = AccessTokenExpiry.ofCurrentRequest()
                .map(expiry -> Duration.between(clock.instant(), expiry))
                .filter(left -> left.isPositive())
                .orElseThrow(ApiError.TOKEN_EXPIRED::exception);
        // nginx and other proxies would otherwise hold the events back in a buffer
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(user, position(lastEventId), lifetime);
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notAnId) {
            // answered below
        }
        throw ApiError.BAD_REQUEST.exception("Last-Event-ID must be the id of an event of this stream");
    }
}
