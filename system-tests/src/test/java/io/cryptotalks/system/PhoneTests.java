package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SMS two-factor (E12, E13, E2, E8 by phone): codes texted once, hashed at rest, single use, five tries. */
class PhoneTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void setAPhoneSignInWithATextedCodeAndRemoveIt() {
        Users.User user = users.signedIn("phone");
        String phone = "+4860" + String.format("%07d", System.nanoTime() % 10_000_000);

        assertError(api.post("/api/user/set-phone", Map.of("phone", "123"), user.auth()), 400, "validation-error");
        Api.Reply sent = api.post("/api/user/set-phone", Map.of("phone", phone), user.auth());
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("message")).isEqualTo("code-sent");
        String code = users.awaitSmsCode(phone, 0);
        assertThat(system.database()
                        .sql("select code_hash from phone_codes where user_id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .as("stored hashed")
                .hasSize(64)
                .isNotEqualTo(code);

        assertError(
                api.post("/api/user/set-phone", Map.of("phone", phone, "code", wrong(code)), user.auth()),
                400,
                "phone-code-error");
        assertThat(api.post("/api/user/set-phone", Map.of("phone", phone, "code", code), user.auth())
                        .status())
                .isEqualTo(201);
        assertError(
                api.post("/api/user/set-phone", Map.of("phone", phone, "code", code), user.auth()), 400, "bad-request");
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("phone")
                        .asString())
                .isEqualTo(phone);

        Map<String, Object> credentials = Map.of("email", user.email(), "password", Users.PASSWORD);
        Api.Reply asked = api.post("/api/user/sign-in", credentials, user.from());
        assertThat(asked.text("message")).isEqualTo("phone-two-fa-required");
        String signInCode = users.awaitSmsCode(phone, 1);
        Api.Reply signedIn = api.post(
                "/api/user/sign-in",
                Map.of("email", user.email(), "password", Users.PASSWORD, "code", signInCode),
                user.from());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        assertThat(signedIn.text("_at")).isNotBlank();
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", user.email(), "password", Users.PASSWORD, "code", signInCode),
                        user.from()),
                400,
                "phone-code-error");

        assertThat(api.post("/api/user/remove-phone", "{}", user.auth()).text("message"))
                .isEqualTo("code-sent");
        String removeCode = users.awaitSmsCode(phone, 2);
        assertThat(api.post("/api/user/remove-phone", Map.of("code", removeCode), user.auth())
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("phone")
                        .isNull())
                .isTrue();
    }

    @Test
    void aCodeDiesAfterFiveWrongTries() {
        Users.User user = users.signedIn("brute");
        String phone = "+4861" + String.format("%07d", System.nanoTime() % 10_000_000);
        api.post("/api/user/set-phone", Map.of("phone", phone), user.auth());
        String code = users.awaitSmsCode(phone, 0);

        for (int attempt = 0; attempt < 5; attempt++) {
            Api.Reply reply = api.post("/api/user/set-phone", Map.of("phone", phone, "code", wrong(code)), user.auth());
            assertThat(reply.status()).isIn(400, 429);
        }
        Api.Reply right = api.post("/api/user/set-phone", Map.of("phone", phone, "code", code), user.auth());
        assertThat(right.status()).as("the right code no longer works").isIn(400, 429);
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("phone")
                        .isNull())
                .isTrue();
    }

    @Test
    void theBodyCannotNameAnotherUserAndAForgottenPasswordIsResetByText() {
        Users.User victim = users.signedIn("victim");
        Users.User attacker = users.signedIn("thief");
        String attackersPhone = "+4862" + String.format("%07d", System.nanoTime() % 10_000_000);

        api.post(
                "/api/user/set-phone",
                Map.of("phone", attackersPhone, "userId", victim.id().toString()),
                attacker.auth());
        String code = users.awaitSmsCode(attackersPhone, 0);
        api.post(
                "/api/user/set-phone",
                Map.of(
                        "phone",
                        attackersPhone,
                        "code",
                        code,
                        "userId",
                        victim.id().toString()),
                attacker.auth());
        assertThat(api.get("/api/user/get-settings", victim.auth())
                        .json()
                        .get("securitySettings")
                        .get("phone")
                        .isNull())
                .as("the victim's account is untouched")
                .isTrue();
        assertThat(api.get("/api/user/get-settings", attacker.auth())
                        .json()
                        .get("securitySettings")
                        .get("phone")
                        .asString())
                .isEqualTo(attackersPhone);

        String client = Users.newClient();
        assertThat(api.post("/api/user/forgot-password", Map.of("phone", attackersPhone), "X-Forwarded-For", client)
                        .text("message"))
                .isEqualTo("sent");
        String resetCode = users.awaitSmsCode(attackersPhone, 1);
        assertError(
                api.post(
                        "/api/user/forgot-password",
                        Map.of(
                                "phone",
                                attackersPhone,
                                "verificationString",
                                wrong(resetCode),
                                "password",
                                "N3w!password"),
                        "X-Forwarded-For",
                        client),
                400,
                "phone-code-error");
        Api.Reply reset = api.post(
                "/api/user/forgot-password",
                Map.of("phone", attackersPhone, "verificationString", resetCode, "password", "N3w!password"),
                "X-Forwarded-For",
                client);
        assertThat(reset.status()).as(reset.body()).isEqualTo(201);
        assertThat(reset.text("message")).isEqualTo("success");
        assertThat(api.post(
                                "/api/user/sign-in",
                                Map.of("email", attacker.email(), "password", "N3w!password"),
                                attacker.from())
                        .text("message"))
                .as("the new password works; the phone factor is asked for")
                .isEqualTo("phone-two-fa-required");
        assertThat(api.post("/api/user/forgot-password", Map.of("phone", "+4869999999"), "X-Forwarded-For", client)
                        .text("message"))
                .as("an unknown number gets the same answer")
                .isEqualTo("sent");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
