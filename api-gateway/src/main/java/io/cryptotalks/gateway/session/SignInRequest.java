package io.cryptotalks.gateway.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "SignIn")
record SignInRequest(
        @NotBlank(message = "is required")
        @Size(max = 255, message = "must be at most 255 characters")
        @Schema(example = "john.doe@gmail.com")
        String email,

        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Schema(example = "12qw!@QW")
        String password,

        @Schema(description = "TOTP code, when the account has two-factor authentication")
        String twoFaCode,

        @Schema(description = "SMS code, when the account has phone two-factor authentication")
        String code) {}
