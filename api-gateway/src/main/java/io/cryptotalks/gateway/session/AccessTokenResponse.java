package io.cryptotalks.gateway.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {"_at": …}} after sign-in (the user comes with the first refresh, {@link SessionResponse}). */
@Schema(name = "AccessToken")
record AccessTokenResponse(
        @JsonProperty("_at") @Schema(description = "the access token (15 minutes)")
        String accessToken) {}
