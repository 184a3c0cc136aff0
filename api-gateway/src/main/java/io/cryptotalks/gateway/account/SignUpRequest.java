package io.cryptotalks.gateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The sign-up body. Only these fields bind; anything else a client sends (say {@code accountConfirm: true}) is ignored.
 */
@Schema(name = "SignUp")
public record SignUpRequest(
        @NotBlank(message = "is required")
        @Size(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = AccountRules.EMAIL, message = "must be a valid email address")
        @Schema(example = "ada@example.com")
        String email,

        @NotNull(message = "is required")
        @Pattern(regexp = AccountRules.PASSWORD, message = AccountRules.PASSWORD_RULE)
        @Schema(example = "Str0ng!pass")
        String password,

        @NotBlank(message = "is required")
        @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_RULE)
        @Schema(example = "AdaL")
        String username,

        @Schema(description = "the terms and conditions must be accepted")
        Boolean tac,

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

        @Schema(description = "show the email on the public profile")
        Boolean publicEmail) {}
