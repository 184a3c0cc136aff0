package io.cryptotalks.gateway.account;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cryptotalks.gateway.follows.FollowResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public profile (E17): the {@link PersonalInformation} fields, then the follow fields (issue 10). {@code followsYou}
 * and {@code followedByYou} are false for an anonymous caller. A field that is not set is left out.
 */
@Schema(name = "PublicProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicProfile(
        @Schema(requiredMode = REQUIRED) UUID id,

        @Schema(description = "left out when its owner hides it")
        String email,

        String firstName,
        String lastName,
        String twitter,
        String linkedIn,
        String personalWebsite,
        String title,
        String bio,
        @Schema(requiredMode = REQUIRED) String username,
        @Schema(requiredMode = REQUIRED) boolean isProfilePicPresent,
        @Schema(requiredMode = REQUIRED) OffsetDateTime createdAt,

        @Schema(requiredMode = REQUIRED, description = "how many users follow this user")
        int followers,

        @Schema(requiredMode = REQUIRED, description = "how many users this user follows")
        int following,

        @Schema(requiredMode = REQUIRED, description = "this user follows the signed-in caller")
        boolean followsYou,

        @Schema(requiredMode = REQUIRED, description = "the signed-in caller follows this user")
        boolean followedByYou) {

    static PublicProfile of(PersonalInformation profile, FollowResponses.ProfileFollows follows) {
        return new PublicProfile(
                profile.id(),
                profile.email(),
                profile.firstName(),
                profile.lastName(),
                profile.twitter(),
                profile.linkedIn(),
                profile.personalWebsite(),
                profile.title(),
                profile.bio(),
                profile.username(),
                profile.isProfilePicPresent(),
                profile.createdAt(),
                follows.followers(),
                follows.following(),
                follows.followsYou(),
                follows.followedByYou());
    }

    /** {@code {"data": {…}}}: the contract wraps a public profile. */
    @Schema(name = "PublicProfileReply")
    record Reply(PublicProfile data) {}
}
