package io.cryptotalks.gateway.secondfactor;

import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.CurrentUser;
import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "user")
@SecurityRequirement(name = "access-token")
@ApiResponse(
        responseCode = "400",
        description =
                "wrong-2fa, phone-code-error, validation-error or bad-request (a factor is already set / not set)",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
        responseCode = "429",
        description = "too-many-requests (wrong codes or text messages); see Retry-After",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class TwoFactorController {

    private final TwoFactorService twoFactor;

    TwoFactorController(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @PostMapping("/api/user/generate-2fa")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Get a new TOTP secret and its QR code",
            description = "The server makes the secret (stored encrypted, pending); confirm it with set-2fa.")
    TwoFactorRequests.NewTotpSecret generate(@Parameter(hidden = true) @CurrentUser AuthenticatedUser user) {
        return twoFactor.newTotpSecret(user.userId());
    }

    @PostMapping("/api/user/set-2fa")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn TOTP on with a code of the secret from generate-2fa")
    MessageResponse setTotp(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody TwoFactorRequests.TotpCode body) {
        twoFactor.enableTotp(user.userId(), body.twoFaCode());
        return MessageResponse.SUCCESS;
    }

    @PostMapping("/api/user/remove-2fa")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn TOTP off; needs a current code")
    MessageResponse removeTotp(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody TwoFactorRequests.TotpCode body) {
        twoFactor.disableTotp(user.userId(), body.twoFaCode());
        return MessageResponse.SUCCESS;
    }

    @PostMapping("/api/user/set-phone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Turn SMS two-factor on",
            description = "Without `code`: texts a code to the phone (`code-sent`). With it: done.")
    MessageResponse setPhone(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody TwoFactorRequests.SetPhone body) {
        return twoFactor.setPhone(user.userId(), body.phone(), body.code());
    }

    @PostMapping("/api/user/remove-phone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Turn SMS two-factor off",
            description = "Without `code`: texts a code (`code-sent`). With it: done.")
    MessageResponse removePhone(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody(required = false) TwoFactorRequests.PhoneCode body) {
        return twoFactor.removePhone(user.userId(), body == null ? null : body.code());
    }
}
