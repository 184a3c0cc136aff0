package io.cryptotalks.gateway.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cryptotalks.gateway.follows.FollowResponses;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public profile (E17): the {@link PersonalInformation} fields, then the follow fields (issue 10). {@code followsYou}
 * and {@code followedByYou} are false for an anonymous caller.
 */
@Schema(name = "PublicProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicProfile(UUID id, String email, String firstName, String lastName, String twitter, String linkedIn,
                     String personalWebsite, String title, String bio, String username, boolean isProfilePicPresent,
                     OffsetDateTime createdAt, int followers, int following, boolean followsYou,
                     boolean followedByYou) {

    static PublicProfile of(PersonalInformation profile, FollowResponses.ProfileFollows follows) {
        return new PublicProfile(profile.id(), profile.email(), profile.firstName(), profile.lastName(),
                profile.twitter(), profile.linkedIn(), profile.personalWebsite(), profile.title(), profile.bio(),
                profile.username(), profile.isProfilePicPresent(), profile.createdAt(), follows.followers(),
                follows.following(), follows.followsYou(), follows.followedByYou());
    }
}
