package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Changing a password (E7) without a second factor, Argon2id hashing, the bcrypt upgrade, long multi-byte passwords. */
class PasswordTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void aUserWithoutSecondFactorChangesThePasswordWithTheCurrentOneAndOtherSessionsEnd() {
        Users.User user = users.signedIn("pw");
        Users.User otherTab = users.signIn(user.email(), Users.PASSWORD, user.client(), user.username());

        assertError(
                api.post("/api/user/change-password", change("N3w!password", "N3w!password", null), user.auth()),
                400,
                "validation-error");
        assertError(
                api.post(
                        "/api/user/change-password", change("N3w!password", "N3w!password", "Wr0ng!pass"), user.auth()),
                403,
                "wrong-credentials");
        assertError(
                api.post(
                        "/api/user/change-password",
                        change("N3w!password", "Other!pass1", Users.PASSWORD),
                        user.auth()),
                400,
                "validation-error");
        assertError(
                api.post("/api/user/change-password", change("weak", "weak", Users.PASSWORD), user.auth()),
                400,
                "validation-error");
        assertError(
                api.post(
                        "/api/user/change-password",
                        change(Users.PASSWORD, Users.PASSWORD, Users.PASSWORD),
                        user.auth()),
                400,
                "same-password");

        Api.Reply changed = api.post(
                "/api/user/change-password", change("N3w!password", "N3w!password", Users.PASSWORD), user.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        assertThat(changed.text("message")).isEqualTo("success");

        assertThat(api.get("/api/user/get-settings", user.auth()).status())
                .as("this session goes on")
                .isEqualTo(200);
        assertError(api.get("/api/user/get-settings", otherTab.auth()), 401, "session-has-expired");
        assertError(
                api.post("/api/user/sign-in", Map.of("email", user.email(), "password", Users.PASSWORD), user.from()),
                403,
                "wrong-credentials");
        assertThat(users.signIn(user.email(), "N3w!password", user.client(), user.username())
                        .accessToken())
                .isNotBlank();
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("passwordChanged")
                        .isNull())
                .isFalse();

        assertError(
                api.post(
                        "/api/user/change-password",
                        change("An0ther!pass", "An0ther!pass", "N3w!password"),
                        user.auth()),
                400,
                "password-changed-recently");
    }

    @Test
    void newPasswordsAreArgon2idAndTheOriginalsBcryptHashesAreUpgradedOnSignIn() {
        Users.User user = users.signedIn("hash");
        assertThat(passwordHashOf(user)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

        system.database()
                .sql("update users set password = ? where id = ?")
                .params(new BCryptPasswordEncoder(10).encode(Users.PASSWORD), user.id())
                .update();
        assertThat(passwordHashOf(user)).startsWith("$2a$10$");

        users.signIn(user.email(), Users.PASSWORD, user.client(), user.username());
        assertThat(passwordHashOf(user)).startsWith("$argon2id$");
        users.signIn(user.email(), Users.PASSWORD, user.client(), user.username());
    }

    @Test
    void aPasswordLongerThan72BytesWorksAtSignUpSignInAndChangeNeverA500() {
        String username = "long" + System.nanoTime() % 1_000_000_000;
        String password = "Zażółć!gęślą1jaźń".repeat(5);
        assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(72);
        Map<String, Object> body = SignUpJourneyTests.signUpBody(username + "@example.com", username);
        body.put("password", password);
        String client = Users.newClient();

        assertThat(api.post("/api/user/sign-up", body, "X-Forwarded-For", client)
                        .status())
                .isEqualTo(201);
        String link = users.awaitMail(username + "@example.com", "Registration")
                .get("links")
                .get(0)
                .asString();
        api.get("/api/user/account-confirmation/" + link.substring(link.lastIndexOf('/') + 1));

        Users.User user = users.signIn(username + "@example.com", password, client, username);
        assertThat(user.accessToken()).isNotBlank();
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of(
                                "email",
                                username + "@example.com",
                                "password",
                                password.substring(0, password.length() - 1)),
                        "X-Forwarded-For",
                        client),
                403,
                "wrong-credentials");

        String longer = "Gęślą!jaźń2" + "x".repeat(70);
        Api.Reply changed = api.post("/api/user/change-password", change(longer, longer, password), user.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        assertThat(users.signIn(username + "@example.com", longer, client, username)
                        .accessToken())
                .isNotBlank();

        // bcrypt (the original's hashes) refuses more than 72 bytes: such a password cannot be one, so it does not
        // match
        system.database()
                .sql("update users set password = ? where id = ?")
                .params(new BCryptPasswordEncoder(10).encode(Users.PASSWORD), user.id())
                .update();
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", username + "@example.com", "password", Users.PASSWORD + "y".repeat(74)),
                        "X-Forwarded-For",
                        client),
                403,
                "wrong-credentials");
    }

    private String passwordHashOf(Users.User user) {
        return system.database()
                .sql("select password from users where id = ?")
                .param(user.id())
                .query(String.class)
                .single();
    }

    static Map<String, Object> change(String password, String repeat, String currentPassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", password);
        body.put("passwordRepeat", repeat);
        if (currentPassword != null) {
            body.put("currentPassword", currentPassword);
        }
        return body;
    }
}
