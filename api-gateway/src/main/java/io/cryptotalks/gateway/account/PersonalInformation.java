package io.cryptotalks.gateway.account;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's profile as the refresh response and the public profile show it (with {@code createdAt}, unlike the original). */
@Schema(name = "PersonalInformation")
public record PersonalInformation(UUID id, String email, String firstName, String lastName, String twitter,
                                  String linkedIn, String personalWebsite, String title, String bio, String username,
                                  boolean isProfilePicPresent, OffsetDateTime createdAt) {
}
