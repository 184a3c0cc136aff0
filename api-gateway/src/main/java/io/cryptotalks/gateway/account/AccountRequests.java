package io.cryptotalks.gateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the account endpoints: only these fields bind; anything else a client sends is ignored. */
final class AccountRequests {

    private AccountRequests() {}

    @Schema(name = "ChangeEmail")
    record ChangeEmail(
            @NotBlank(message = "is required")
            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = AccountRules.EMAIL, message = "must be a valid email address")
            @Schema(example = "new.address@example.com")
            String email,

            @Size(max = 200)
            @Schema(description = "the current password; required when the account has no second factor")
            String password,

            @Schema(description = "TOTP code") String twoFaCode,
            @Schema(description = "SMS code") String code) {}

    @Schema(name = "ChangePassword")
    record ChangePassword(
            @NotNull(message = "is required")
            @Pattern(regexp = AccountRules.PASSWORD, message = AccountRules.PASSWORD_RULE)
            String password,

            @NotNull(message = "is required") String passwordRepeat,

            @Size(max = 200)
            @Schema(description = "the current password; required when the account has no second factor")
            String currentPassword,

            @Schema(description = "TOTP code") String twoFaCode,
            @Schema(description = "SMS code") String code) {}

    @Schema(
            name = "ForgotPassword",
            description = "Step 1: email or phone. Step 2: the same plus verificationString and password.")
    record ForgotPassword(
            @Size(max = 255) @Schema(example = "ada@example.com")
            String email,

            @Size(max = 20) @Schema(example = "+48123456789")
            String phone,

            @Size(max = 100) @Schema(description = "the token from the email link, or the SMS code")
            String verificationString,

            @Size(max = 200) @Schema(example = "N3w!password")
            String password) {}

    @Schema(name = "ResendConfirmation")
    record ResendConfirmation(
            @NotBlank(message = "is required")
            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = AccountRules.EMAIL, message = "must be a valid email address")
            String email) {}

    @Schema(name = "CloseAccount")
    record CloseAccount(
            @NotNull(message = "is required") @Size(max = 200)
            String password,

            @Schema(description = "the TOTP or SMS code") String code,

            @Schema(description = "the TOTP code (also accepted in `code`)")
            String twoFaCode) {}

    @Schema(name = "PersonalSettings")
    record PersonalSettings(
            @NotBlank(message = "is required")
            @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_RULE)
            String username,

            @Size(max = 255, message = "must be at most 255 characters")
            String firstName,

            @Size(max = 255, message = "must be at most 255 characters")
            String lastName,

            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = AccountRules.LINK, message = AccountRules.LINK_RULE)
            String twitter,

            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = AccountRules.LINK, message = AccountRules.LINK_RULE)
            String linkedIn,

            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = AccountRules.LINK, message = AccountRules.LINK_RULE)
            String personalWebsite,

            @Size(max = 255, message = "must be at most 255 characters")
            String title,

            @Size(max = 1000, message = "must be at most 1000 characters")
            String bio,

            @Schema(description = "show the email on the public profile; unchanged when absent")
            Boolean publicEmail) {}

    @Schema(name = "UploadPhoto")
    record UploadPhoto(
            @NotBlank(message = "is required")
            @Schema(description = "a data URL: data:image/png;base64,… (PNG, JPEG or WebP, at most 2 MB)")
            String photo) {}
}
