package io.cryptotalks.gateway.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {"data": {…}}}: the contract wraps a public profile. */
@Schema(name = "PublicProfile")
record PublicProfile(PersonalInformation data) {
}
