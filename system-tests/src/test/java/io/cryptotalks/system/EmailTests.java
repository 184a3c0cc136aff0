package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Change email (E6, E4), forgot password by email (E8), resend confirmation: typed, expiring, single-use links. */
class EmailTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void changeTheEmailWithThePasswordAndConfirmFromTheNewAddress() {
        Users.User user = users.signedIn("mail");
        Users.User other = users.signedIn("taken");
        String newEmail = "new." + user.email();

        assertError(
                api.post("/api/user/change-email", Map.of("email", newEmail), user.auth()), 400, "validation-error");
        assertError(
                api.post("/api/user/change-email", Map.of("email", newEmail, "password", "Wr0ng!pass"), user.auth()),
                403,
                "wrong-credentials");
        assertError(
                api.post(
                        "/api/user/change-email",
                        Map.of("email", other.email(), "password", Users.PASSWORD),
                        user.auth()),
                403,
                "user-already-exists");
        assertError(
                api.post(
                        "/api/user/change-email",
                        Map.of("email", "not-an-email", "password", Users.PASSWORD),
                        user.auth()),
                400,
                "validation-error");

        Api.Reply requested =
                api.post("/api/user/change-email", Map.of("email", newEmail, "password", Users.PASSWORD), user.auth());
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String link =
                users.awaitMail(newEmail, "Email change").get("links").get(0).asString();
        assertThat(link).matches("http://localhost:8080/email-change-confirmation/[0-9a-f]{40}");
        assertThat(users.mailCount(user.email())).as("the old address is told").isGreaterThanOrEqualTo(2);
        String token = link.substring(link.lastIndexOf('/') + 1);

        String registration = users.awaitMail(user.email(), "Registration")
                .get("links")
                .get(0)
                .asString();
        assertError(
                api.get("/api/user/email-change-confirmation/"
                        + registration.substring(registration.lastIndexOf('/') + 1)),
                404,
                "hash-not-found");
        assertError(api.get("/api/user/account-confirmation/" + token), 404, "hash-not-found");

        assertThat(api.get("/api/user/email-change-confirmation/" + token).status())
                .isEqualTo(200);
        assertError(api.get("/api/user/email-change-confirmation/" + token), 400, "email-change-confirmed");
        assertThat(users.signIn(newEmail, Users.PASSWORD, user.client(), user.username())
                        .accessToken())
                .isNotBlank();
        assertError(
                api.post(
                        "/api/user/change-email",
                        Map.of("email", "third." + user.email(), "password", Users.PASSWORD),
                        user.auth()),
                400,
                "email-already-changed");
    }

    @Test
    void anExpiredEmailChangeLinkSaysSo() {
        Users.User user = users.signedIn("late");
        String newEmail = "later." + user.email();
        api.post("/api/user/change-email", Map.of("email", newEmail, "password", Users.PASSWORD), user.auth());
        String link =
                users.awaitMail(newEmail, "Email change").get("links").get(0).asString();
        system.database()
                .sql("update confirmation_hashes set expires_at = now() - interval '1 minute' where user_id = ?"
                        + " and confirmation_type = 'EMAIL_CHANGE'")
                .param(user.id())
                .update();

        assertError(
                api.get("/api/user/email-change-confirmation/" + link.substring(link.lastIndexOf('/') + 1)),
                400,
                "hash-expired");
    }

    @Test
    void forgotPasswordByEmailIsASingleUseLinkBoundToTheAddress() {
        Users.User user = users.signedIn("forgot");
        String client = Users.newClient();

        Api.Reply unknown = api.post(
                "/api/user/forgot-password", Map.of("email", "nobody" + user.email()), "X-Forwarded-For", client);
        assertThat(unknown.status()).isEqualTo(201);
        assertThat(unknown.text("message")).as("no account enumeration").isEqualTo("sent");
        assertError(
                api.post("/api/user/forgot-password", Map.of("email", "not-an-email"), "X-Forwarded-For", client),
                400,
                "bad-request");

        assertThat(api.post("/api/user/forgot-password", Map.of("email", user.email()), "X-Forwarded-For", client)
                        .text("message"))
                .isEqualTo("sent");
        JsonNode mail = users.awaitMail(user.email(), "Password reset");
        String link = mail.get("links").get(0).asString();
        assertThat(link).startsWith("http://localhost:8080/reset-password/");
        String token = link.substring(link.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");

        String registration = users.awaitMail(user.email(), "Registration")
                .get("links")
                .get(0)
                .asString();
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of(
                                "email",
                                user.email(),
                                "password",
                                "N3w!password",
                                "verificationString",
                                registration.substring(registration.lastIndexOf('/') + 1)),
                        "X-Forwarded-For",
                        client),
                400,
                "wrong-hash");
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of(
                                "email",
                                "someone.else@example.com",
                                "password",
                                "N3w!password",
                                "verificationString",
                                token),
                        "X-Forwarded-For",
                        client),
                400,
                "wrong-hash");
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of("email", user.email(), "password", "weak", "verificationString", token),
                        "X-Forwarded-For",
                        client),
                400,
                "validation-error");
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of("email", user.email(), "password", Users.PASSWORD, "verificationString", token),
                        "X-Forwarded-For",
                        client),
                400,
                "same-password");

        Api.Reply reset = api.post(
                "/api/user/forgot-password",
                Map.of("email", user.email(), "password", "N3w!password", "verificationString", token),
                "X-Forwarded-For",
                client);
        assertThat(reset.status()).as(reset.body()).isEqualTo(201);
        assertThat(reset.text("message")).isEqualTo("success");
        assertError(api.get("/api/user/get-settings", user.auth()), 401, "session-has-expired");
        assertThat(users.signIn(user.email(), "N3w!password", user.client(), user.username())
                        .accessToken())
                .isNotBlank();
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of("email", user.email(), "password", "An0ther!pass", "verificationString", token),
                        "X-Forwarded-For",
                        client),
                400,
                "wrong-hash");
    }

    @Test
    void anExpiredResetLinkSaysSo() {
        Users.User user = users.signedIn("stale");
        String client = Users.newClient();
        api.post("/api/user/forgot-password", Map.of("email", user.email()), "X-Forwarded-For", client);
        String link = users.awaitMail(user.email(), "Password reset")
                .get("links")
                .get(0)
                .asString();
        String token = link.substring(link.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        system.database()
                .sql("update confirmation_hashes set expires_at = now() - interval '1 minute' where user_id = ?"
                        + " and confirmation_type = 'FORGOT_PASSWORD'")
                .param(user.id())
                .update();

        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of("email", user.email(), "password", "N3w!password", "verificationString", token),
                        "X-Forwarded-For",
                        client),
                400,
                "hash-expired");
        assertThat(users.signIn(user.email(), Users.PASSWORD, user.client(), user.username())
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void anUnconfirmedAccountCanAskForItsConfirmationEmailAgain() {
        String username = "resend" + System.nanoTime() % 1_000_000_000;
        String email = username + "@example.com";
        String client = Users.newClient();
        api.post("/api/user/sign-up", SignUpJourneyTests.signUpBody(email, username), "X-Forwarded-For", client);
        users.awaitMail(email, "Registration");

        Api.Reply resent = api.post("/api/user/resend-confirmation", Map.of("email", email), "X-Forwarded-For", client);
        assertThat(resent.status()).isEqualTo(201);
        assertThat(resent.text("message")).isEqualTo("sent");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> users.mailCount(email) == 2);
        assertThat(api.post(
                                "/api/user/resend-confirmation",
                                Map.of("email", "nobody." + email),
                                "X-Forwarded-For",
                                client)
                        .text("message"))
                .isEqualTo("sent");

        String link = users.awaitMail(email, "Registration").get("links").get(0).asString();
        assertThat(api.get("/api/user/account-confirmation/" + link.substring(link.lastIndexOf('/') + 1))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/user/resend-confirmation", Map.of("email", email), "X-Forwarded-For", client)
                        .text("message"))
                .as("a confirmed account gets the same answer")
                .isEqualTo("sent");
        Api.Reply limited =
                api.post("/api/user/resend-confirmation", Map.of("email", email), "X-Forwarded-For", client);
        assertError(limited, 429, "too-many-requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    }
}
