package io.cryptotalks.gateway.follows;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The follow shapes the API answers with. */
public final class FollowResponses {

    private FollowResponses() {}

    /** A profile's follow fields. */
    public record ProfileFollows(
            @Schema(description = "how many users follow this user")
            int followers,

            @Schema(description = "how many users this user follows")
            int following,

            @Schema(description = "this user follows the signed-in caller")
            boolean followsYou,

            @Schema(description = "the signed-in caller follows this user")
            boolean followedByYou) {}

    /** A tag page's follow fields. */
    public record TagFollows(int followers, boolean followedByYou) {}

    @Schema(name = "FollowPerson")
    public record Person(String username, boolean isProfilePicPresent, OffsetDateTime followedAt) {}

    @Schema(name = "FollowPage")
    public record People(long count, List<Person> rows) {}
}
