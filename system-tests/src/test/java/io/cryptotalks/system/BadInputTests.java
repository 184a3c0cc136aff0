package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is a clear 4xx in the contract's error body, and changes nothing. */
class BadInputTests {

    private static final String CONTROL_CHARACTERS =
            "must not contain control characters (tab and line breaks are fine)";

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());

    @Test
    void signUpRefusesMalformedFieldsWithTheFieldNamed() {
        Map<String, Object> body = SignUpJourneyTests.signUpBody("<script>a@b.co", "x");
        body.put("password", "weak");

        Api.Reply reply = api.post("/api/user/sign-up", body);

        assertError(reply, 400, "validation-error");
        assertThat(reply.text("error"))
                .contains(
                        "email: must be a valid email address",
                        "password: must be 8 to 128",
                        "username: must be 3 to 30");
    }

    @Test
    void signUpWithoutAcceptingTheTermsIsRefused() {
        Map<String, Object> body = SignUpJourneyTests.signUpBody("no.tac@example.com", "NoTac");
        body.put("tac", false);

        assertError(api.post("/api/user/sign-up", body), 403, "tac-not-accepted");
        assertThat(countUsers("no.tac@example.com")).isZero();
    }

    @Test
    void emailAndUsernameAreUniqueWhateverTheirCase() {
        assertError(
                api.post("/api/user/sign-up", SignUpJourneyTests.signUpBody("JOHN.DOE@gmail.com", "Someone")),
                403,
                "user-already-exists");
        assertError(
                api.post("/api/user/sign-up", SignUpJourneyTests.signUpBody("someone@example.com", "johndoe")),
                403,
                "user-already-exists");
        assertThat(countUsers("someone@example.com")).isZero();
    }

    @Test
    void brokenJsonMissingFieldsAndUnknownRoutesAreClientErrors() {
        assertError(api.post("/api/user/sign-up", "{\"email\":"), 400, "bad-request");
        assertError(api.post("/api/user/sign-up", "[1,2]"), 400, "bad-request");
        assertError(api.post("/api/user/sign-up", "{}"), 400, "validation-error");
        assertError(api.post("/api/user/sign-in", "{\"email\":\"a@b.co\"}"), 400, "validation-error");
        assertError(api.get("/api/user/account-confirmation/not-a-hash"), 404, "hash-not-found");
        assertError(api.get("/api/user/account-confirmation/" + "ab".repeat(20)), 404, "hash-not-found");
        Api.Reply unknown = api.get("/api/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("message")).isEqualTo("Cannot GET /api/nope");
        assertError(api.post("/api/user/sign-up", "x".repeat(2_000_000)), 413, "payload-too-large");
    }

    @Test
    void wrongPasswordsAreRefusedThenRateLimited() {
        String client = Users.newClient();
        Map<String, String> wrong = Map.of("email", "geralt@protonmail.com", "password", "Wrong!pass1");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertError(api.post("/api/user/sign-in", wrong, "X-Forwarded-For", client), 403, "wrong-credentials");
        }
        assertError(api.post("/api/user/sign-in", wrong, "X-Forwarded-For", client), 429, "too-many-requests");
        assertError(
                api.post(
                        "/api/user/sign-in",
                        Map.of("email", "nobody@example.com", "password", "Wrong!pass1"),
                        "X-Forwarded-For",
                        client),
                403,
                "wrong-credentials");
    }

    @Test
    void aNulCharacterAnywhereIsA400NeverA500() {
        for (String field : new String[] {"email", "username", "firstName", "lastName", "password"}) {
            Map<String, Object> poisoned = SignUpJourneyTests.signUpBody("nul@example.com", "nuluser");
            poisoned.put(field, "a\u0000b");
            Api.Reply refused = api.post("/api/user/sign-up", poisoned);
            assertError(refused, 400, "validation-error");
            assertThat(refused.text("error")).isEqualTo(field + ": " + CONTROL_CHARACTERS);
        }
        assertError(
                api.post("/api/user/sign-in", Map.of("email", "a\u0000@b.co", "password", "x")),
                400,
                "validation-error");
        assertError(api.get("/api/user/get/a%00b"), 400, "bad-request");
        assertError(api.get("/api/user/account-confirmation/..%2f..%2fetc"), 400, "bad-request");
    }

    @Test
    void textFieldsTakeTextNotControlCharactersOrHalfASurrogatePair() {
        Map<String, Object> coloured = SignUpJourneyTests.signUpBody("ansi@example.com", "ansiuser");
        coloured.put("firstName", "\u001b[31mred");
        Api.Reply escape = api.post("/api/user/sign-up", coloured);
        assertError(escape, 400, "validation-error");
        assertThat(escape.text("error")).isEqualTo("firstName: " + CONTROL_CHARACTERS);
        assertThat(countUsers("ansi@example.com")).isZero();

        // Argon2 cannot encode half a surrogate pair: this sign-in was a 500
        Api.Reply halfPair = api.post("/api/user/sign-in", "{\"email\":\"a@b.co\",\"password\":\"\\udc00\\ud800\"}");
        assertError(halfPair, 400, "validation-error");
        assertThat(halfPair.text("error"))
                .isEqualTo("password: must be valid Unicode text (it has half of a surrogate pair)");

        Users.User author = new Users().signedIn("lines");
        Api.Reply line = api.post(
                "/api/posts/create",
                Map.of(
                        "title",
                        "Control characters",
                        "preview",
                        "A preview long enough",
                        "content",
                        List.of("fine\tline", "a\u0007bell"),
                        "searchTags",
                        List.of("text")),
                author.auth());
        assertError(line, 400, "validation-error");
        assertThat(line.text("error")).isEqualTo("content[1]: " + CONTROL_CHARACTERS);

        String name = "lines" + System.nanoTime() % 1_000_000_000;
        Map<String, Object> multiLine = SignUpJourneyTests.signUpBody(name + "@example.com", name);
        multiLine.put("bio", "Line one\r\n\tand an indented line two, \uD83D\uDE80");
        assertThat(api.post("/api/user/sign-up", multiLine, "X-Forwarded-For", Users.newClient())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void answersAreJsonWhateverTheAcceptHeaderAsks() {
        // were a 406 with an empty body, an XML error, or (an error the client would not take) a bare 500
        for (String accept : new String[] {"text/html", "application/xml", "image/png", "nonsense"}) {
            Api.Reply tags = api.get("/api/posts/tags", "Accept", accept);
            assertThat(tags.status()).as(accept).isEqualTo(200);
            assertThat(tags.header("Content-Type")).as(accept).startsWith("application/json");
            assertError(api.get("/api/user/get/nobody-by-this-name", "Accept", accept), 404, "user-not-found");
        }
    }

    @Test
    void undecodableQueriesAndFormsABlankIdAndAWildcardTypeAreClientErrors() {
        // each was a 500
        assertError(raw("GET", "/api/crypto/history/some-coin?range=%FF", null, null), 400, "bad-request");
        assertError(raw("GET", "/api/posts/get/some-post?toEdit=%", null, null), 400, "bad-request");
        assertError(
                raw("POST", "/api/user/forgot-password", "application/x-www-form-urlencoded", "email=%ZZ"),
                400,
                "bad-request");
        Users.User author = new Users().signedIn("blankid");
        assertError(
                raw(
                        "PATCH",
                        "/api/posts/rate/post/" + java.util.UUID.randomUUID(),
                        "application/x-www-form-urlencoded",
                        "rate=%ZZ",
                        author.auth()),
                415,
                "unsupported-media-type");
        Api.Reply blank = api.patch("/api/posts/rate/post/%20", Map.of("rate", "+"), author.auth());
        assertError(blank, 400, "bad-request");
        assertThat(blank.text("error")).isEqualTo("Invalid value for 'id'");
        assertError(
                raw("POST", "/api/user/sign-in", "*/*", "{\"email\":\"a@b.co\",\"password\":\"x\"}"),
                415,
                "unsupported-media-type");
        assertError(raw("POST", "/api/user/sign-in", "application/*", "{}"), 415, "unsupported-media-type");
    }

    /**
     * A request {@link Api}'s client would not send (a broken %-escape, a wildcard Content-Type), byte for byte;
     * {@code more}: header names and values.
     */
    private Api.Reply raw(String method, String target, String contentType, String body, String... more) {
        List<String[]> headers = new ArrayList<>();
        if (!List.of(more).contains("X-Forwarded-For")) {
            headers.add(new String[] {"X-Forwarded-For", Users.newClient()});
        }
        for (int i = 0; i < more.length; i += 2) {
            headers.add(new String[] {more[i], more[i + 1]});
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        try {
            RawHttp.Reply reply = new RawHttp(system.gatewayUrl())
                    .send(
                            new RawHttp.Request(
                                    method,
                                    target,
                                    headers,
                                    body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                            Duration.ofSeconds(10));
            return new Api.Reply(reply.status(), reply.headers(), reply.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theErrorPageAndRejectedUrlsAnswerInTheContractsShape() {
        Api.Reply error = api.get("/error");
        assertThat(error.status()).isBetween(400, 499);
        assertThat(error.json().has("statusCode")).isTrue();
        assertThat(error.json().has("message")).isTrue();
    }

    @Test
    void aChunkedBodyIsCutAtTheLimitWhileItIsRead() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(system.gatewayUrl() + "/api/user/sign-up"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream("{\"email\":\"".getBytes()), new java.io.InputStream() {
                            private long left = 1_500_000;

                            @Override
                            public int read() {
                                return left-- > 0 ? 'a' : -1;
                            }
                        })))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"message\":\"payload-too-large\"");
    }

    @Test
    void apiDocsDescribeTheEndpointsAndTheirErrors() {
        Api.Reply docs = api.get("/docs-json");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        for (String path : new String[] {
            "/api/user/sign-up",
            "/api/user/sign-in",
            "/api/user/account-confirmation/{confirmationHash}",
            "/api/auth/refresh",
            "/api/user/logout",
            "/api/dev/mailbox"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/user/sign-up").get("post").get("responses").has("400"))
                .isTrue();
        assertThat(docs.json().get("components").get("schemas").has("Error")).isTrue();
        assertThat(api.get("/docs").status()).isIn(200, 302);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    private long countUsers(String email) {
        return system.database()
                .sql("select count(*) from users where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
