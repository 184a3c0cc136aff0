package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.CurrentUser;
import io.cryptotalks.gateway.security.RefreshCookie;
import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email, password, password reset, confirmation email and account closure (E4, E6–E9 and resend-confirmation). */
@RestController
@Tag(name = "user")
@ApiResponse(
        responseCode = "429",
        description = "too-many-requests; see Retry-After",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class AccountSecurityController {

    private final EmailChangeService emailChange;
    private final PasswordChangeService passwordChange;
    private final ForgotPasswordService forgotPassword;
    private final ResendConfirmationService resendConfirmation;
    private final CloseAccountService closeAccount;
    private final RefreshCookie cookie;

    AccountSecurityController(
            EmailChangeService emailChange,
            PasswordChangeService passwordChange,
            ForgotPasswordService forgotPassword,
            ResendConfirmationService resendConfirmation,
            CloseAccountService closeAccount,
            RefreshCookie cookie) {
        this.emailChange = emailChange;
        this.passwordChange = passwordChange;
        this.forgotPassword = forgotPassword;
        this.resendConfirmation = resendConfirmation;
        this.closeAccount = closeAccount;
        this.cookie = cookie;
    }

    @PostMapping("/api/user/change-email")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Change the email",
            description = "Needs the second factor, or `password` when the account has none. "
                    + "Sends a link to the new address; answers two-fa-required / code-sent until the code is given.")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error, email-already-changed, wrong-2fa, phone-code-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "user-already-exists, wrong-credentials",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse changeEmail(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody AccountRequests.ChangeEmail body,
            HttpServletRequest request) {
        return emailChange.request(user.userId(), body, request.getRemoteAddr());
    }

    @GetMapping("/api/user/email-change-confirmation/{confirmationHash}")
    @Operation(summary = "Confirm an email change with the hash from the link sent to the new address")
    @ApiResponse(responseCode = "200", description = "confirmed; the new address is the account's")
    @ApiResponse(
            responseCode = "400",
            description = "email-change-confirmed (used before), hash-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "user-already-exists: the address was taken meanwhile",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "hash-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse confirmEmailChange(@PathVariable String confirmationHash) {
        emailChange.confirm(confirmationHash);
        return MessageResponse.SUCCESS;
    }

    @PostMapping("/api/user/change-password")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Change the password",
            description = "Needs the second factor, or `currentPassword` when the "
                    + "account has none; once in 24 hours. Other sessions are signed out.")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error, same-password, password-changed-recently, wrong-2fa, phone-code-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "wrong-credentials (current password)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse changePassword(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody AccountRequests.ChangePassword body) {
        return passwordChange.change(user, body);
    }

    @PostMapping("/api/user/forgot-password")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reset a forgotten password",
            description =
                    "Step 1 (`email` or `phone`): `sent`, whether or not "
                            + "the account exists. Step 2 (plus `verificationString` from the link or SMS, and `password`): `success`.")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request, wrong-hash, hash-expired, same-password, validation-error, phone-code-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse forgotPassword(
            @Valid @RequestBody AccountRequests.ForgotPassword body, HttpServletRequest request) {
        return forgotPassword.forgot(body, request.getRemoteAddr());
    }

    @PostMapping("/api/user/resend-confirmation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Send the registration email again",
            description = "Always `sent`: it reveals nothing about the address.")
    MessageResponse resendConfirmation(
            @Valid @RequestBody AccountRequests.ResendConfirmation body, HttpServletRequest request) {
        return resendConfirmation.resend(body.email(), request.getRemoteAddr());
    }

    @PostMapping("/api/user/close-account")
    @SecurityRequirement(name = "access-token")
    @Operation(
            summary = "Close the account",
            description = "Needs the password and, when set, the second factor. "
                    + "Deletes everything of the user in every service; every session ends.")
    @ApiResponse(
            responseCode = "201",
            description = "closed (the `_rt` cookie is cleared), or two-fa-required / code-sent")
    @ApiResponse(
            responseCode = "400",
            description = "wrong-2fa, phone-code-error",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "wrong-credentials",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ResponseEntity<MessageResponse> close(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user,
            @Valid @RequestBody AccountRequests.CloseAccount body,
            HttpServletRequest request) {
        return closeAccount
                .close(user.userId(), body)
                .map(challenge -> ResponseEntity.status(HttpStatus.CREATED).body(challenge))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CREATED)
                        .header(HttpHeaders.SET_COOKIE, cookie.clear(request))
                        .body(MessageResponse.SUCCESS));
    }
}
