package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "user")
class AccountConfirmationController {

    private final AccountConfirmationService confirmation;

    AccountConfirmationController(AccountConfirmationService confirmation) {
        this.confirmation = confirmation;
    }

    @GetMapping("/api/user/account-confirmation/{confirmationHash}")
    @Operation(summary = "Confirm an account with the hash from the registration email")
    @ApiResponse(responseCode = "200", description = "confirmed; the account can sign in")
    @ApiResponse(
            responseCode = "400",
            description = "hash-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "email-already-confirmed: the link was used before",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "404",
            description = "hash-not-found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse confirm(@PathVariable String confirmationHash) {
        confirmation.confirm(confirmationHash);
        return MessageResponse.SUCCESS;
    }
}
