package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8: every operation of the gateway's OpenAPI document, signed out and signed in, gets malformed requests made
 * from its own description ({@link MalformedRequests}); none may answer 5xx, take longer than {@link #TIMEOUT}, or
 * answer 4xx with a body that is not the contract's error JSON. An endpoint added later is covered by being in the
 * document. Bounded: a fixed number of cases per operation, drawn with a seed printed in every failure, so that
 * {@code -Drobustness.seed=<seed>} draws the same cases again; {@code -Drobustness.scale=4} four times as many.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRobustnessTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Cases per operation: this many, plus {@link #PER_INPUT} per path or query parameter and body field. */
    private static final int BASE_CASES = 12;

    private static final int PER_INPUT = 5;

    /** Operations not exercised here, each with the reason. None today; an entry must name a documented operation. */
    private static final Map<String, String> SKIPPED = Map.of();

    /**
     * 503 with Retry-After is a designed answer, not a failure: {@code market-not-synced} until the first market sync,
     * {@code server-busy} when the password-hashing queue is full.
     */
    private static final Set<String> DESIGNED_503 = Set.of("market-not-synced", "server-busy");

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final RawHttp http = new RawHttp(system.gatewayUrl());
    private final Users users = new Users();
    private final long seed =
            Long.getLong("robustness.seed", ThreadLocalRandom.current().nextLong());
    private final double scale = Double.parseDouble(System.getProperty("robustness.scale", "1"));
    private final ApiDocument document = new ApiDocument(api.get("/docs-json").json());
    private final Map<String, String> errorShape = document.errorShape();
    private final ValidValues valid = new ValidValues(new java.util.Random(seed + 2));
    private final MalformedRequests malformed = new MalformedRequests(document, valid, seed);

    private final Map<String, Integer> statuses = new TreeMap<>();
    /** What each operation's valid request got, signed out/in: how deep the malformed ones could reach. */
    private final Map<String, String> validAnswers = new TreeMap<>();

    private int requests;
    private long started;
    private Users.User owner;

    record Failure(String who, String description, String problem, RawHttp.Request request) {

        @Override
        public String toString() {
            return problem + "\n  case: " + description + " (" + who + ")\n  request:\n    "
                    + request.describe(300).replace("\n", "\n    ");
        }
    }

    @TestFactory
    Stream<DynamicTest> noOperationAnswersMalformedInputWithA5xxAHangOrANonJsonError() {
        started = System.nanoTime();
        List<ApiDocument.Operation> operations = document.operations();
        assertThat(operations).as("the gateway documents its operations").hasSizeGreaterThan(30);
        return operations.stream()
                .map(operation -> DynamicTest.dynamicTest(operation.name(), () -> exercise(operation)));
    }

    @Test
    void everySkippedOperationIsADocumentedOne() {
        List<String> documented =
                document.operations().stream().map(ApiDocument.Operation::name).toList();
        assertThat(documented).containsAll(SKIPPED.keySet());
    }

    @AfterAll
    void summary() {
        if (started > 0) {
            System.out.printf(
                    "API robustness: %d requests in %.1f s, seed %d, statuses %s%n",
                    requests, (System.nanoTime() - started) / 1e9, seed, statuses);
            validAnswers.forEach((operation, answer) ->
                    System.out.printf("  valid request of %s: %s (signed out/in)%n", operation, answer));
        }
    }

    private void exercise(ApiDocument.Operation operation) {
        if (SKIPPED.containsKey(operation.name())) {
            abort("skipped: " + SKIPPED.get(operation.name()));
        }
        assertThat(operation.body() != null || operation.bodyTypes().isEmpty())
                .as(operation.name() + " takes only " + operation.bodyTypes()
                        + ", which MalformedRequests cannot send yet")
                .isTrue();
        int budget = (int) Math.round(scale * (BASE_CASES + PER_INPUT * MalformedRequests.inputs(operation)));
        Users.User session = signIn();
        List<Failure> failures = new ArrayList<>();
        for (MalformedRequests.Candidate candidate : malformed.sample(operation, budget)) {
            Outcome signedOut = send(malformed.make(operation, candidate), null);
            MalformedRequests.Case withSession = malformed.make(operation, candidate);
            Outcome signedIn = send(withSession, session);
            signedOut.failure().ifPresent(failures::add);
            signedIn.failure().ifPresent(failures::add);
            if (candidate == MalformedRequests.VALID) {
                validAnswers.put(operation.name(), signedOut.status() + "/" + signedIn.status());
            }
            if (signedIn.status() == 401 && !withSession.ownToken()) {
                session = signIn(); // the case signed the session out (logout), or closed the account
            }
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(operation.name() + ": " + failures.size()
                    + " requests got a 5xx, no answer, or an error that is not the contract's JSON (seed " + seed
                    + ")");
            failures.stream().limit(12).forEach(each -> message.append("\n\n").append(each));
            fail(message.toString());
        }
    }

    /** The status (0: none) and what was wrong with the answer, if anything. */
    record Outcome(int status, Optional<Failure> failure) {}

    private Outcome send(MalformedRequests.Case testCase, Users.User session) {
        List<String[]> headers = new ArrayList<>(testCase.request().headers());
        boolean ownClient = headers.stream().anyMatch(header -> header[0].equalsIgnoreCase("X-Forwarded-For"));
        if (!ownClient) {
            headers.add(new String[] {"X-Forwarded-For", Users.newClient()});
        }
        if (session != null && !testCase.ownToken()) {
            headers.add(new String[] {"x-access-token", "Bearer " + session.accessToken()});
        }
        RawHttp.Request request = new RawHttp.Request(
                testCase.request().method(),
                testCase.request().target(),
                headers,
                testCase.request().body());
        String who = session == null ? "signed out" : "signed in as " + session.username();
        requests++;
        RawHttp.Reply reply;
        try {
            reply = http.send(request, TIMEOUT);
        } catch (RawHttp.NoAnswer hang) {
            return new Outcome(0, Optional.of(new Failure(who, testCase.description(), hang.getMessage(), request)));
        } catch (IOException e) {
            return new Outcome(
                    0, Optional.of(new Failure(who, testCase.description(), "no HTTP answer: " + e, request)));
        }
        statuses.merge(reply.status() / 100 + "xx", 1, Integer::sum);
        Optional<String> problem = problemWith(reply);
        if (problem.isEmpty() && reply.status() < 300) {
            harvest(reply, session != null && !request.method().equals("GET"));
        }
        return new Outcome(
                reply.status(), problem.map(text -> new Failure(who, testCase.description(), text, request)));
    }

    /** What is wrong with an answer: a 5xx, or an error whose body is not the contract's error JSON. */
    private Optional<String> problemWith(RawHttp.Reply reply) {
        int status = reply.status();
        String answer = status + " " + RawHttp.printable(reply.text(), 400);
        if (status < 400) {
            if (isJson(reply) && parse(reply) == null) {
                return Optional.of("a 2xx/3xx said to be JSON is not: " + answer);
            }
            return Optional.empty();
        }
        JsonNode body = isJson(reply) ? parse(reply) : null;
        if (body == null || !body.isObject()) {
            return Optional.of(
                    "an error that is not JSON (Content-Type " + reply.header("Content-Type") + "): " + answer);
        }
        for (Map.Entry<String, String> field : errorShape.entrySet()) {
            JsonNode value = body.get(field.getKey());
            boolean typed =
                    value != null && (field.getValue().equals("integer") ? value.isIntegralNumber() : value.isString());
            if (!typed) {
                return Optional.of(
                        "an error body without " + field.getKey() + " (" + field.getValue() + "): " + answer);
            }
        }
        if (body.get("statusCode").asInt() != status
                || body.get("message").asString().isBlank()) {
            return Optional.of("an error body whose statusCode or message is wrong: " + answer);
        }
        if (status == 503
                && DESIGNED_503.contains(body.get("message").asString())
                && reply.header("Retry-After") != null) {
            return Optional.empty();
        }
        return status >= 500 ? Optional.of("a server error: " + answer) : Optional.empty();
    }

    private static boolean isJson(RawHttp.Reply reply) {
        String type = reply.header("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static JsonNode parse(RawHttp.Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private void harvest(RawHttp.Reply reply, boolean ownWrite) {
        if (isJson(reply)) {
            valid.harvest(parse(reply), ownWrite);
        }
    }

    /**
     * A session of the test's own user for the next operation (a fresh one each time: an operation may sign it out).
     * When the user can no longer sign in (a case closed the account), a new user.
     */
    private Users.User signIn() {
        if (owner != null) {
            try {
                return users.signIn(owner.email(), owner.password(), Users.newClient(), owner.username());
            } catch (AssertionError closedOrChanged) {
                owner = null;
            }
        }
        owner = users.signedIn("robust");
        return owner;
    }
}
