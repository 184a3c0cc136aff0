package io.cryptotalks.gateway.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cryptotalks.gateway.account.PersonalInformation;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {"_at": …, "user": {…}}} after a refresh: a new access token and whose it is. */
@Schema(name = "Session")
record SessionResponse(
        @JsonProperty("_at") @Schema(description = "the access token (15 minutes)")
        String accessToken,

        PersonalInformation user) {}
