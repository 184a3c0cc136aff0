package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TOTP (E10, E11): a server-made secret stored encrypted, a QR drawn by the server, codes never accepted twice. */
class TotpTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void enableSignInWithACodeAndNeverAcceptTheSameCodeTwice() {
        Users.User user = users.signedIn("totp");
        String mySecret = new GoogleAuthenticator().createCredentials().getKey();
        assertError(
                api.post(
                        "/api/user/set-2fa",
                        Map.of("twoFaToken", mySecret, "twoFaCode", code(mySecret, 0)),
                        user.auth()),
                400,
                "bad-request");

        JsonNode generated =
                api.post("/api/user/generate-2fa", "{}", user.auth()).json();
        String secret = generated.get("twoFaToken").asString();
        assertThat(secret).matches("[A-Z2-7]{16,}");
        assertThat(generated.get("qr").asString()).startsWith("data:image/png;base64,iVBOR");
        assertThat(generated.get("uri").asString())
                .startsWith("otpauth://totp/Cryptotalks")
                .contains("secret=" + secret);

        assertError(
                api.post(
                        "/api/user/set-2fa",
                        Map.of("twoFaToken", mySecret, "twoFaCode", code(mySecret, 0)),
                        user.auth()),
                400,
                "wrong-2fa");
        Api.Reply enabled = api.post("/api/user/set-2fa", Map.of("twoFaCode", code(secret, 0)), user.auth());
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(201);
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("twoFaToken")
                        .asBoolean())
                .isTrue();
        String stored = system.database()
                .sql("select two_fa_token from user_settings where user_id = ?")
                .param(user.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);

        Map<String, Object> credentials = Map.of("email", user.email(), "password", Users.PASSWORD);
        Api.Reply asked = api.post("/api/user/sign-in", credentials, user.from());
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.text("message")).isEqualTo("two-fa-required");
        assertThat(asked.cookies()).isEmpty();
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", user.email(), "password", Users.PASSWORD, "twoFaCode", code(secret, 0)),
                        user.from()),
                400,
                "wrong-2fa");

        String next = code(secret, 1);
        Api.Reply signedIn = api.post(
                "/api/user/sign-in",
                Map.of("email", user.email(), "password", Users.PASSWORD, "twoFaCode", next),
                user.from());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        assertThat(signedIn.text("_at")).isNotBlank();
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", user.email(), "password", Users.PASSWORD, "twoFaCode", next),
                        user.from()),
                400,
                "wrong-2fa");

        assertError(api.post("/api/user/generate-2fa", "{}", user.auth()), 400, "bad-request");
    }

    @Test
    void removingNeedsAValidCodeAndWrongCodesAreLimited() {
        Users.User user = users.signedIn("untotp");
        String secret = api.post("/api/user/generate-2fa", "{}", user.auth())
                .json()
                .get("twoFaToken")
                .asString();
        assertThat(api.post("/api/user/set-2fa", Map.of("twoFaCode", code(secret, 0)), user.auth())
                        .status())
                .isEqualTo(201);

        assertError(
                api.post(
                        "/api/user/remove-2fa",
                        Map.of("twoFaCode", "000000".equals(code(secret, 1)) ? "111111" : "000000"),
                        user.auth()),
                400,
                "wrong-2fa");
        Api.Reply removed = api.post("/api/user/remove-2fa", Map.of("twoFaCode", code(secret, 1)), user.auth());
        assertThat(removed.status()).as(removed.body()).isEqualTo(201);
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("twoFaToken")
                        .asBoolean())
                .isFalse();
        assertError(
                api.post("/api/user/remove-2fa", Map.of("twoFaCode", code(secret, 1)), user.auth()),
                400,
                "bad-request");

        String again = api.post("/api/user/generate-2fa", "{}", user.auth())
                .json()
                .get("twoFaToken")
                .asString();
        for (int attempt = 0; attempt < 4; attempt++) {
            assertError(
                    api.post("/api/user/set-2fa", Map.of("twoFaCode", "12345" + attempt), user.auth()),
                    400,
                    "wrong-2fa");
        }
        Api.Reply limited = api.post("/api/user/set-2fa", Map.of("twoFaCode", code(again, 0)), user.auth());
        assertError(limited, 429, "too-many-requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void changingThePasswordOrClosingTheAccountAsksForTheCode() {
        Users.User user = users.signedIn("asked");
        String secret = enable(user);
        Map<String, Object> change = PasswordTests.change("N3w!password", "N3w!password", null);

        Api.Reply asked = api.post("/api/user/change-password", change, user.auth());
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.text("message")).isEqualTo("two-fa-required");
        Map<String, Object> withWrongCode = new java.util.HashMap<>(change);
        withWrongCode.put("twoFaCode", "000000".equals(code(secret, 1)) ? "111111" : "000000");
        assertError(api.post("/api/user/change-password", withWrongCode, user.auth()), 400, "wrong-2fa");
        Map<String, Object> withCode = new java.util.HashMap<>(change);
        withCode.put("twoFaCode", code(secret, 1));
        assertThat(api.post("/api/user/change-password", withCode, user.auth()).text("message"))
                .isEqualTo("success");

        Users.User closing = users.signedIn("closing");
        String closingSecret = enable(closing);
        assertThat(api.post("/api/user/close-account", Map.of("password", Users.PASSWORD), closing.auth())
                        .text("message"))
                .isEqualTo("two-fa-required");
        assertThat(api.get("/api/user/get/" + closing.username()).status())
                .as("nothing closed yet")
                .isEqualTo(200);
        Api.Reply closed = api.post(
                "/api/user/close-account",
                Map.of("password", Users.PASSWORD, "code", code(closingSecret, 1)),
                closing.auth());
        assertThat(closed.text("message")).isEqualTo("success");
        assertError(api.get("/api/user/get/" + closing.username()), 404, "user-not-found");
    }

    private String enable(Users.User user) {
        String secret = api.post("/api/user/generate-2fa", "{}", user.auth())
                .json()
                .get("twoFaToken")
                .asString();
        assertThat(api.post("/api/user/set-2fa", Map.of("twoFaCode", code(secret, 0)), user.auth())
                        .status())
                .isEqualTo(201);
        return secret;
    }

    /** The code of the secret for the time step {@code stepsAhead} steps from now. */
    static String code(String secret, int stepsAhead) {
        return String.format(
                "%06d",
                new GoogleAuthenticator().getTotpPassword(secret, System.currentTimeMillis() + stepsAhead * 30_000L));
    }
}
