package io.cryptotalks.gateway.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cryptotalks.gateway.account.PersonalInformation;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {"_at": …}} after sign-in, {@code {"_at": …, "user": {…}}} after a refresh. */
@Schema(name = "AccessToken")
@JsonInclude(JsonInclude.Include.NON_NULL)
record AccessTokenResponse(@JsonProperty("_at") @Schema(description = "the access token (15 minutes)") String accessToken,
                           PersonalInformation user) {
}
