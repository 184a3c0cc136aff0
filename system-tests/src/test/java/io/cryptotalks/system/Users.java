package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * People for the journeys: each test signs up its own account (from its own client address, so no test depends on
 * another's rate-limit buckets), confirms it through the dev mailbox and signs in.
 */
final class Users {

    static final String PASSWORD = "Str0ng!pass";

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());

    record User(
            UUID id,
            String username,
            String email,
            String password,
            String client,
            String accessToken,
            String refreshToken) {

        String[] auth() {
            return new String[] {"x-access-token", "Bearer " + accessToken, "X-Forwarded-For", client};
        }

        String[] from() {
            return new String[] {"X-Forwarded-For", client};
        }
    }

    static String newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    User signedIn(String prefix) {
        String username = prefix + System.nanoTime() % 1_000_000_000;
        String email = username + "@example.com";
        String client = newClient();
        assertThat(api.post(
                                "/api/user/sign-up",
                                SignUpJourneyTests.signUpBody(email, username),
                                "X-Forwarded-For",
                                client)
                        .status())
                .isEqualTo(201);
        String link = awaitMail(email, "Registration").get("links").get(0).asString();
        assertThat(api.get("/api/user/account-confirmation/" + link.substring(link.lastIndexOf('/') + 1))
                        .status())
                .isEqualTo(200);
        return signIn(email, PASSWORD, client, username);
    }

    User signIn(String email, String password, String client, String username) {
        Api.Reply signedIn =
                api.post("/api/user/sign-in", Map.of("email", email, "password", password), "X-Forwarded-For", client);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        UUID id = system.database()
                .sql("select id from users where lower(email) = lower(?)")
                .param(email)
                .query(UUID.class)
                .single();
        return new User(id, username, email, password, client, signedIn.text("_at"), signedIn.refreshCookie());
    }

    /** The newest message to {@code to} whose subject (or, for SMS, text) contains {@code about}. */
    JsonNode awaitMail(String to, String about) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode message : api.get("/api/dev/mailbox").json()) {
                                String subject = message.get("subject").isNull()
                                        ? ""
                                        : message.get("subject").asString();
                                if (message.get("to").asString().equalsIgnoreCase(to)
                                        && (subject.contains(about)
                                                || message.get("text")
                                                        .asString()
                                                        .contains(about))) {
                                    return message;
                                }
                            }
                            return null;
                        },
                        Objects::nonNull);
    }

    long mailCount(String to) {
        int count = 0;
        for (JsonNode message : api.get("/api/dev/mailbox").json()) {
            if (message.get("to").asString().equalsIgnoreCase(to)) {
                count++;
            }
        }
        return count;
    }

    /** The six digits of the newest SMS to {@code phone}. */
    String awaitSmsCode(String phone, int alreadySeen) {
        JsonNode sms = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            int seen = 0;
                            for (JsonNode message : api.get("/api/dev/mailbox").json()) {
                                if (message.get("channel").asString().equals("sms")
                                        && message.get("to").asString().equals(phone)) {
                                    seen++;
                                }
                            }
                            if (seen <= alreadySeen) {
                                return null;
                            }
                            for (JsonNode message : api.get("/api/dev/mailbox").json()) {
                                if (message.get("channel").asString().equals("sms")
                                        && message.get("to").asString().equals(phone)) {
                                    return message;
                                }
                            }
                            return null;
                        },
                        Objects::nonNull);
        var digits = java.util.regex.Pattern.compile("\\b(\\d{6})\\b")
                .matcher(sms.get("text").asString());
        assertThat(digits.find()).isTrue();
        return digits.group(1);
    }

    long smsCount(String phone) {
        int count = 0;
        for (JsonNode message : api.get("/api/dev/mailbox").json()) {
            if (message.get("channel").asString().equals("sms")
                    && message.get("to").asString().equals(phone)) {
                count++;
            }
        }
        return count;
    }
}
