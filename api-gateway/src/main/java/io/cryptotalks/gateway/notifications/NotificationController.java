package io.cryptotalks.gateway.notifications;

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
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications (issue 10): comments, replies, mentions, follows and votes. */
@RestController
@Tag(name = "notifications")
@SecurityRequirement(name = "access-token")
class NotificationController {

    private final Notifications notifications;
    private final NotificationWrites writes;
    private final NotificationPreferences preferences;

    NotificationController(
            Notifications notifications, NotificationWrites writes, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.writes = writes;
        this.preferences = preferences;
    }

    @GetMapping("/api/notifications/preferences")
    @Operation(
            summary = "Which notifications the caller wants",
            description =
                    "Per type, and email for mentions and "
                            + "for comments and replies in the caller's threads (at most one email per thread an hour). All on by default.")
    @ApiResponse(responseCode = "200", description = "the preferences")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    NotificationPreferences.Settings preferences(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user) {
        return preferences.of(user.userId());
    }

    @PutMapping("/api/notifications/preferences")
    @Operation(
            summary = "Save which notifications the caller wants",
            description = "Every field required; read back " + "at once, applied within moments.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse savePreferences(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody NotificationPreferences.Settings body) {
        preferences.save(user.userId(), body);
        return MessageResponse.SUCCESS;
    }

    @GetMapping("/api/notifications/{page}/{pageSize}")
    @Operation(summary = "The caller's notifications", description = "Newest first; page from 0, pageSize 1 to 100.")
    @ApiResponse(responseCode = "200", description = "a page of notifications")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    NotificationResponses.Page page(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @PathVariable int page,
            @PathVariable int pageSize) {
        return notifications.page(user.userId(), page, pageSize);
    }

    @GetMapping("/api/notifications/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    @ApiResponse(responseCode = "200", description = "the count")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    NotificationResponses.UnreadCount unreadCount(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user) {
        return new NotificationResponses.UnreadCount(notifications.unreadCount(user.userId()));
    }

    @PatchMapping("/api/notifications/read/{id}")
    @Operation(
            summary = "Mark one notification read",
            description = "Twice is fine; the caller's reads show it at once.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "notification-not-found (also another user's)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse read(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable long id) {
        writes.read(user.userId(), id);
        return MessageResponse.SUCCESS;
    }

    @PatchMapping("/api/notifications/read-all")
    @Operation(summary = "Mark all notifications read", description = "All the caller has now; later ones stay unread.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse readAll(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user) {
        writes.readAll(user.userId());
        return MessageResponse.SUCCESS;
    }
}
