package io.cryptotalks.auth.sessions;

import java.util.UUID;

/** The log message of each reason a sign-in of a known account is refused (the error code the gateway answered). */
final class SignInRefusal {

    private SignInRefusal() {}

    static String message(UUID userId, String reason) {
        String user = "User " + userId;
        return switch (reason == null ? "" : reason) {
            case "account-not-confirmed" -> user + " tried to log in while being unconfirmed.";
            case "wrong-credentials" -> user + " tried to log in with a wrong password.";
            case "wrong-2fa" -> user + " tried to log in with a wrong authenticator code.";
            case "phone-code-error" -> user + " tried to log in with a wrong or expired SMS code.";
            default -> user + " was refused sign-in (unknown reason).";
        };
    }
}
