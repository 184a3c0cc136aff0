package io.cryptotalks.gateway.session;

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
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private final SignInService signIn;
    private final SessionService sessions;
    private final RefreshCookie cookie;

    SessionController(SignInService signIn, SessionService sessions, RefreshCookie cookie) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @PostMapping("/api/user/sign-in")
    @Tag(name = "user")
    @Operation(
            summary = "Sign in",
            description = "Returns the access token and sets the HttpOnly `_rt` refresh cookie; "
                    + "or `two-fa-required` / `phone-two-fa-required` (repeat with `twoFaCode` / `code`).")
    @ApiResponse(
            responseCode = "201",
            description = "signed in (the access token), or the second factor is needed "
                    + "(`{\"message\": \"two-fa-required\"}` or `phone-two-fa-required`)",
            content = @Content(schema = @Schema(oneOf = {AccessTokenResponse.class, MessageResponse.class})))
    @ApiResponse(
            responseCode = "400",
            description = "validation-error, or wrong-2fa / phone-code-error (a wrong code)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "403",
            description = "wrong-credentials, or account-not-confirmed (right password)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "429",
            description = "too-many-requests: too many failed attempts for this email or client",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ResponseEntity<?> signIn(@Valid @RequestBody SignInRequest body, HttpServletRequest request) {
        SignInService.Outcome outcome = signIn.signIn(body, request.getRemoteAddr());
        if (outcome.secondFactorRequired() != null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(outcome.secondFactorRequired());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, cookie.issue(outcome.tokens().refreshToken(), request))
                .body(new AccessTokenResponse(outcome.tokens().accessToken()));
    }

    @GetMapping("/api/auth/refresh")
    @Tag(name = "auth")
    @Operation(
            summary = "Rotate the refresh cookie and get a new access token",
            description = "Needs only the `_rt` cookie, so it works after the access token has expired.")
    @ApiResponse(responseCode = "200", description = "a new access token, the user, and a new `_rt` cookie")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token (missing, forged or reused cookie) or session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ResponseEntity<SessionResponse> refresh(
            @Parameter(hidden = true) @CookieValue(RefreshCookie.NAME) String refreshToken,
            HttpServletRequest request) {
        SessionService.IssuedTokens issued = sessions.refresh(refreshToken);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.issue(issued.refreshToken(), request))
                .body(new SessionResponse(issued.accessToken(), issued.user()));
    }

    @GetMapping("/api/user/logout")
    @Tag(name = "user")
    @Operation(
            summary = "Sign out",
            description = "Revokes the session: its access and refresh tokens stop working at once.")
    @SecurityRequirement(name = "access-token")
    @ApiResponse(responseCode = "200", description = "signed out; the `_rt` cookie is cleared")
    @ApiResponse(
            responseCode = "401",
            description = "invalid-token, corrupted-token, token-expired or session-has-expired",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ResponseEntity<MessageResponse> logout(
            @Parameter(hidden = true) @CurrentUser AuthenticatedUser user, HttpServletRequest request) {
        sessions.signOut(user);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.clear(request))
                .body(MessageResponse.SUCCESS);
    }
}
