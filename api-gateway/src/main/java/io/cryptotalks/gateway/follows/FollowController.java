package io.cryptotalks.gateway.follows;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following users (issue 10). The paths follow the contract's {@code /api/user/...} (singular, as {@code get},
 * {@code photo}); the tag follows are under {@code /api/posts/tags/{tag}} with the tag page.
 */
@RestController
@Tag(name = "follows")
class FollowController {

    private final FollowWrites writes;
    private final Follows follows;

    FollowController(FollowWrites writes, Follows follows) {
        this.writes = writes;
        this.follows = follows;
    }

    @PatchMapping("/api/user/follow/{username}")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Follow a user",
            description = "Twice is one follow. The caller's reads (profile counts, "
                    + "followedByYou, the feed) show it at once; everyone else's within moments.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "400",
            description = "cannot-follow-yourself",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse follow(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String username) {
        writes.followUser(user.userId(), username);
        return MessageResponse.SUCCESS;
    }

    @DeleteMapping("/api/user/follow/{username}")
    @SecurityRequirement(name = "access-token")
    @Operation(summary = "Unfollow a user", description = "Unfollowing someone not followed is fine.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "400",
            description = "cannot-follow-yourself",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, token-expired, session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse unfollow(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user, @PathVariable String username) {
        writes.unfollowUser(user.userId(), username);
        return MessageResponse.SUCCESS;
    }

    @GetMapping("/api/user/followers/{username}/{page}/{pageSize}")
    @Operation(
            summary = "Who follows a user",
            description = "Newest follow first; page from 0, pageSize 1 to 100; " + "count is the profile's followers.")
    @ApiResponse(responseCode = "200", description = "a page of people")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    FollowResponses.People followers(
            @PathVariable String username, @PathVariable int page, @PathVariable int pageSize) {
        return follows.followers(follows.idOf(username), page, pageSize);
    }

    @GetMapping("/api/user/following/{username}/{page}/{pageSize}")
    @Operation(
            summary = "Whom a user follows",
            description = "Newest follow first; page from 0, pageSize 1 to 100; " + "count is the profile's following.")
    @ApiResponse(responseCode = "200", description = "a page of people")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    FollowResponses.People following(
            @PathVariable String username, @PathVariable int page, @PathVariable int pageSize) {
        return follows.following(follows.idOf(username), page, pageSize);
    }
}
