package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.web.ErrorBody;
import io.cryptotalks.gateway.web.MessageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "user")
class SignUpController {

    private final SignUpService signUp;

    SignUpController(SignUpService signUp) {
        this.signUp = signUp;
    }

    @PostMapping("/api/user/sign-up")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an account",
            description = "Sends a confirmation email; the account can sign in once confirmed.")
    @ApiResponse(responseCode = "201", description = "created; the confirmation email is on its way")
    @ApiResponse(
            responseCode = "400",
            description = "validation-error: a field is missing or malformed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "tac-not-accepted, or user-already-exists (email or username taken)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "429",
            description = "too-many-requests: too many sign-ups from this client or to this address",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessageResponse signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        signUp.signUp(request, http.getRemoteAddr());
        return MessageResponse.SUCCESS;
    }
}
