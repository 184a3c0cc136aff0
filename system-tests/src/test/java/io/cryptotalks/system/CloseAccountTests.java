package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closing an account (E9): the password, then nothing of the user stays, even when a worker is down meanwhile. */
class CloseAccountTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void closingNeedsThePasswordAndThenNothingOfTheUserReads() {
        Users.User user = users.signedIn("close");
        Users.User follower = users.signedIn("follower");
        // a notification for the user and one the user caused
        assertThat(api.patch("/api/user/follow/" + user.username(), "", follower.auth())
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/user/follow/" + follower.username(), "", user.auth())
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> system.database()
                                .sql("select count(*) from notifications where user_id = :user or actor_id = :user")
                                .param("user", user.id())
                                .query(Long.class)
                                .single()
                        == 2);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("password", "Wr0ng!pass"));
        body.put("userId", java.util.UUID.randomUUID().toString());
        assertError(api.post("/api/user/close-account", body, user.auth()), 403, "wrong-credentials");

        Api.Reply closed = api.post("/api/user/close-account", Map.of("password", Users.PASSWORD), user.auth());
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.cookies().get(0)).startsWith("_rt=;");

        assertError(api.get("/api/user/get-settings", user.auth()), 401, "session-has-expired");
        assertError(api.get("/api/user/get/" + user.username()), 404, "user-not-found");
        assertError(
                api.post("/api/user/sign-in", Map.of("email", user.email(), "password", Users.PASSWORD), user.from()),
                403,
                "wrong-credentials");
        awaitNothingLeftOf(user);
    }

    @Test
    void theCascadeCompletesWhenTheUsersServiceComesBack() {
        Users.User user = users.signedIn("cascade");
        system.stopUsersService();
        try {
            assertThat(api.post("/api/user/close-account", Map.of("password", Users.PASSWORD), user.auth())
                            .status())
                    .as("the gateway answers while the worker is down")
                    .isEqualTo(201);
            assertError(api.get("/api/user/get/" + user.username()), 404, "user-not-found");
        } finally {
            system.startUsersService();
        }
        awaitNothingLeftOf(user);
    }

    private void awaitNothingLeftOf(Users.User user) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String table : new String[] {
                "users where id",
                "user_settings where user_id",
                "confirmation_hashes where user_id",
                "sessions where user_id",
                "notifications where user_id",
                "notifications where actor_id"
            }) {
                assertThat(system.database()
                                .sql("select count(*) from " + table + " = ?")
                                .param(user.id())
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isZero();
            }
        });
    }
}
