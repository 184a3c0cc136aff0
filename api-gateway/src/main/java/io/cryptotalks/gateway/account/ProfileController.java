package io.cryptotalks.gateway.account;

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
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Settings, the profile form, profile photos and public profiles (E14–E17). */
@RestController
@Tag(name = "user")
class ProfileController {

    private final ProfileService profiles;
    private final ProfilePhotos photos;

    ProfileController(ProfileService profiles, ProfilePhotos photos) {
        this.profiles = profiles;
        this.photos = photos;
    }

    @GetMapping("/api/user/get-settings")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "The signed-in user's settings",
            description = "Empty profile fields are \"\"; `twoFaToken` says whether TOTP is on.")
    ProfileService.UserSettings settings(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user) {
        return profiles.settingsOf(user.userId());
    }

    @PatchMapping("/api/user/set-personal-settings")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Save the profile",
            description = "Only the profile fields apply; anything else is ignored. "
                    + "Links must be http(s). Applied by the users-service within moments.")
    @ApiResponse(responseCode = "200", description = "success")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "username-taken",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse update(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody AccountRequests.PersonalSettings body) {
        profiles.update(user.userId(), body);
        return MessageResponse.SUCCESS;
    }

    @PostMapping("/api/user/upload-photo")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Upload a profile photo",
            description = "A data URL of a PNG, JPEG or WebP image (checked by content), at most 2 MB.")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error: not an image of an accepted type",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "413",
            description = "payload-too-large",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse uploadPhoto(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody AccountRequests.UploadPhoto body) {
        photos.upload(user.userId(), body.photo());
        return MessageResponse.SUCCESS;
    }

    @GetMapping("/api/user/photo/{username}")
    @Operation(summary = "A user's profile photo (the image bytes)")
    @ApiResponse(
            responseCode = "200",
            description = "a PNG, JPEG or WebP image",
            content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found: no such user, or no photo",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ResponseEntity<byte[]> photo(@PathVariable String username) {
        ProfilePhotos.Photo photo = photos.photoOf(username);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .eTag(Integer.toHexString(photo.key().hashCode()))
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    @GetMapping("/api/user/get/{username}")
    @Operation(
            summary = "A public profile",
            description = "The email only when its owner chose to show it. "
                    + "With followers and following counts; with a token, whether the user follows the caller (followsYou) "
                    + "and the caller them (followedByYou, the caller's own follows read back at once).")
    @ApiResponse(responseCode = "200", description = "the profile")
    @ApiResponse(
            responseCode = "404",
            description = "user-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PublicProfile.Reply profile(
            @PathVariable String username,
            @Parameter(hidden = true) @CurrentUser(required = false) AuthenticatedUser user) {
        return new PublicProfile.Reply(profiles.publicProfile(username, user == null ? null : user.userId()));
    }
}
