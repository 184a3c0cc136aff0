package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The first journey end to end: sign up → email → confirm → sign in → refresh, over HTTP, with its asynchronous half. */
class SignUpJourneyTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());

    @Test
    void signUpConfirmByEmailSignInAndRefresh() {
        String username = "ada" + System.nanoTime() % 1_000_000_000;
        String email = username + "@Example.com";

        Map<String, Object> signUp = signUpBody(email, username);
        signUp.put("accountConfirm", true);
        signUp.put("id", UUID.randomUUID().toString());
        Api.Reply created = api.post("/api/user/sign-up", signUp);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().toString()).isEqualTo("{\"message\":\"success\"}");

        Api.Reply unconfirmed = api.post("/api/user/sign-in", Map.of("email", email, "password", "Str0ng!pass"));
        assertThat(unconfirmed.status())
                .as("a posted accountConfirm is ignored")
                .isEqualTo(403);
        assertThat(unconfirmed.text("message")).isEqualTo("account-not-confirmed");

        JsonNode mail = awaitMailTo(email);
        assertThat(mail.get("channel").asString()).isEqualTo("email");
        assertThat(mail.get("subject").asString()).isEqualTo("Cryptotalks - Registration confirmation");
        String link = mail.get("links").get(0).asString();
        assertThat(link).matches("http://localhost:8080/account-confirmation/[0-9a-f]{40}");
        String hash = link.substring(link.lastIndexOf('/') + 1);

        Api.Reply confirmed = api.get("/api/user/account-confirmation/" + hash);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("message")).isEqualTo("success");
        Api.Reply again = api.get("/api/user/account-confirmation/" + hash);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.text("message")).isEqualTo("email-already-confirmed");

        Api.Reply signedIn =
                api.post("/api/user/sign-in", Map.of("email", email.toLowerCase(), "password", "Str0ng!pass"));
        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(signedIn.text("_at")).isNotBlank();
        assertThat(signedIn.cookies()).hasSize(1);
        assertThat(signedIn.header("Cache-Control"))
                .as("tokens are never cached")
                .contains("no-store");
        assertThat(signedIn.cookies().get(0))
                .startsWith("_rt=ey")
                .contains("; Path=/", "; Max-Age=604800", "; HttpOnly", "; SameSite=Strict");

        UUID userId = system.database()
                .sql("select id from users where lower(username) = lower(?)")
                .param(username)
                .query(UUID.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> system.database()
                        .sql("select account_confirm from users where id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(actionLogsOf(userId))
                        .contains("SIGN_UP/SUCCESS", "SIGN_IN/ERROR", "CONFIRMATION/SUCCESS", "SIGN_IN/SUCCESS"));

        // the original proxy sends the cookie back as "_rt=<jwt>; Path"; no access token is needed to refresh
        String firstRefreshToken = signedIn.refreshCookie();
        Api.Reply refreshed = api.get("/api/auth/refresh", "Cookie", "_rt=" + firstRefreshToken + "; Path");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("_at")).isNotBlank();
        JsonNode user = refreshed.json().get("user");
        assertThat(user.get("id").asString()).isEqualTo(userId.toString());
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("firstName").asString()).isEqualTo("Ada");
        assertThat(user.get("createdAt").asString()).isNotBlank();
        assertThat(user.get("isProfilePicPresent").asBoolean()).isFalse();
        assertThat(refreshed.refreshCookie()).isNotEqualTo(firstRefreshToken);

        Api.Reply secondTab = api.get("/api/auth/refresh", "Cookie", "_rt=" + firstRefreshToken);
        assertThat(secondTab.status())
                .as("a tab refreshing a moment later with the same cookie")
                .isEqualTo(200);
        Api.Reply later = api.get("/api/auth/refresh", "Cookie", "_rt=" + refreshed.refreshCookie());
        assertThat(later.status()).isEqualTo(200);

        Api.Reply reused = api.get("/api/auth/refresh", "Cookie", "_rt=" + firstRefreshToken);
        assertThat(reused.status())
                .as("a refresh token two rotations old is a replay")
                .isEqualTo(401);
        assertThat(reused.text("message")).isEqualTo("invalid-token");
        Api.Reply afterReuse = api.get("/api/auth/refresh", "Cookie", "_rt=" + later.refreshCookie());
        assertThat(afterReuse.status()).as("reuse revokes the whole session").isEqualTo(401);
    }

    @Test
    void aStoppedUsersServiceLosesNoSignUp() {
        String username = "late" + System.nanoTime() % 1_000_000_000;
        system.stopUsersService();
        try {
            Api.Reply created = api.post("/api/user/sign-up", signUpBody(username + "@example.com", username));
            assertThat(created.status())
                    .as("the gateway answers while the worker is down")
                    .isEqualTo(201);
        } finally {
            system.startUsersService();
        }
        assertThat(awaitMailTo(username + "@example.com").get("links")).hasSize(1);
    }

    private JsonNode awaitMailTo(String email) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode message : api.get("/api/dev/mailbox").json()) {
                                if (message.get("to").asString().equals(email)) {
                                    return message;
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
    }

    private java.util.List<String> actionLogsOf(UUID userId) {
        return system
                .actionLogs()
                .find(Query.query(Criteria.where("userId").is(userId.toString())), Document.class, "informationlogs")
                .stream()
                .map(log -> log.getString("event") + "/" + log.getString("status"))
                .toList();
    }

    static Map<String, Object> signUpBody(String email, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", "Str0ng!pass");
        body.put("username", username);
        body.put("tac", true);
        body.put("firstName", "Ada");
        body.put("lastName", "");
        return body;
    }
}
