package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in limits that stop brute force without letting anyone lock the owner out. Client addresses come from
 * X-Forwarded-For here because the tests run the gateway behind a trusted proxy address (127.0.0.1).
 */
class LimitTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void guessingFromOneClientIsStoppedWhileTheOwnerElsewhereSignsIn() {
        Users.User owner = users.signedIn("victim");
        String attacker = Users.newClient();
        Map<String, Object> guess = Map.of("email", owner.email(), "password", "Gu3ss!wrong");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertError(api.post("/api/user/sign-in", guess, "X-Forwarded-For", attacker), 403, "wrong-credentials");
        }
        Api.Reply stopped = api.post(
                "/api/user/sign-in",
                Map.of("email", owner.email(), "password", Users.PASSWORD),
                "X-Forwarded-For",
                attacker);
        assertError(stopped, 429, "too-many-requests");
        assertThat(Integer.parseInt(stopped.header("Retry-After"))).isBetween(1, 15 * 60);

        assertThat(users.signIn(owner.email(), Users.PASSWORD, owner.client(), owner.username())
                        .accessToken())
                .as("the owner's own client is not locked out")
                .isNotBlank();
    }

    @Test
    void aSharedAddressSlowsGuessesButNeverRefusesACorrectPassword() {
        Users.User user = users.signedIn("shared");
        String frontEnd = Users.newClient();
        for (int attempt = 0; attempt < 20; attempt++) {
            api.post(
                    "/api/user/sign-in",
                    Map.of("email", "guess" + attempt + "@example.com", "password", "Gu3ss!wrong"),
                    "X-Forwarded-For",
                    frontEnd);
        }
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", "guess-more@example.com", "password", "Gu3ss!wrong"),
                        "X-Forwarded-For",
                        frontEnd),
                429,
                "too-many-requests");

        assertThat(users.signIn(user.email(), Users.PASSWORD, frontEnd, user.username())
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void aForgedForwardedHeaderDoesNotResetTheLimitBehindTheProxy() {
        Users.User owner = users.signedIn("forged");
        String attacker = Users.newClient();
        Map<String, Object> guess = Map.of("email", owner.email(), "password", "Gu3ss!wrong");
        for (int attempt = 0; attempt < 5; attempt++) {
            api.post("/api/user/sign-in", guess, "X-Forwarded-For", attacker);
        }
        // the attacker prepends an address of their choice; the proxy (127.0.0.1) appends the real one
        assertError(
                api.post("/api/user/sign-in", guess, "X-Forwarded-For", "203.0.113.9, " + attacker),
                429,
                "too-many-requests");
    }
}
