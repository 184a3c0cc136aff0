package io.cryptotalks.gateway.account;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user's profile as the refresh response and the public profile show it (with {@code createdAt}, unlike the original).
 * A field that is not set is left out (the settings show it as "" instead); the others are always there.
 */
@Schema(name = "PersonalInformation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalInformation(
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
        @Schema(requiredMode = REQUIRED) OffsetDateTime createdAt) {

    /** The original's settings form breaks on null: empty optional fields read as "". */
    PersonalInformation withEmptyStrings() {
        return new PersonalInformation(
                id,
                email,
                empty(firstName),
                empty(lastName),
                empty(twitter),
                empty(linkedIn),
                empty(personalWebsite),
                empty(title),
                empty(bio),
                username,
                isProfilePicPresent,
                createdAt);
    }

    PersonalInformation withEmailShown(boolean shown) {
        return shown
                ? this
                : new PersonalInformation(
                        id,
                        null,
                        firstName,
                        lastName,
                        twitter,
                        linkedIn,
                        personalWebsite,
                        title,
                        bio,
                        username,
                        isProfilePicPresent,
                        createdAt);
    }

    private static String empty(String value) {
        return value == null ? "" : value;
    }
}
