package io.cryptotalks.gateway.secondfactor;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the second-factor endpoints. A client-chosen {@code twoFaToken} (the original's E10) is ignored. */
final class TwoFactorRequests {

    static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    private TwoFactorRequests() {}

    @Schema(name = "TotpCode")
    record TotpCode(
            @NotBlank(message = "is required")
            @Size(max = 10, message = "must be a 6-digit code")
            @Schema(example = "123456")
            String twoFaCode) {}

    @Schema(name = "SetPhone")
    record SetPhone(
            @NotBlank(message = "is required")
            @Pattern(regexp = E164, message = "must be in international format, e.g. +48123456789")
            @Schema(example = "+48123456789")
            String phone,

            @Size(max = 10, message = "must be a 6-digit code")
            @Schema(description = "the code texted to the phone; omit to get one")
            String code) {}

    @Schema(name = "PhoneCode")
    record PhoneCode(
            @Size(max = 10, message = "must be a 6-digit code")
            @Schema(description = "the code texted to the phone; omit to get one")
            String code) {}

    @Schema(name = "NewTotpSecret")
    record NewTotpSecret(
            @Schema(description = "the base32 secret, for typing into an app")
            String twoFaToken,

            @Schema(description = "a PNG QR code of the otpauth URI, as a data URI")
            String qr,

            @Schema(description = "the otpauth:// URI") String uri) {}
}
