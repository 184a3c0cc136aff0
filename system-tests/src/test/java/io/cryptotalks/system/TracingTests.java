package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.sun.net.httpserver.HttpServer;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One trace from a request through Kafka: the gateway's log line for the event it emitted and the workers' lines for
 * applying it carry the trace id the request came with (its W3C traceparent), although the event left through the
 * outbox, later and from another thread.
 */
class TracingTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Users users = new Users();
    private final Captured captured = new Captured();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        captured.stop();
    }

    @Test
    void aRequestsTraceIdIsOnTheGatewaysAndTheWorkersLogLinesAndOnTheOutboxRow() {
        Users.User author = users.signedIn("traced");
        String traceId = hex(32);
        String callerSpan = hex(16);
        String[] headers = {
            author.auth()[0],
            author.auth()[1],
            author.auth()[2],
            author.auth()[3],
            "traceparent",
            "00-" + traceId + "-" + callerSpan + "-01"
        };

        Api.Reply created = new Api(system.gatewayUrl())
                .post("/api/posts/create", PostsTests.post("Traced " + System.nanoTime(), "trace"), headers);

        assertThat(created.status()).isEqualTo(201);
        Outbox row = system.database()
                .sql("select cast(event_id as text), trace_parent from outbox where trace_parent like ?")
                .param("00-" + traceId + "-%")
                .query(Outbox.class)
                .single();
        String eventId = row.eventId();
        ILoggingEvent emitted = await().atMost(Duration.ofSeconds(5))
                .until(() -> captured.line("emitted post-created " + eventId), line -> line != null);
        assertThat(emitted.getMDCPropertyMap()).containsEntry("traceId", traceId);
        assertThat(emitted.getMDCPropertyMap().get("spanId"))
                .as("the gateway's own span, a child of the caller's")
                .isNotEqualTo(callerSpan);
        assertThat(row.traceParent())
                .isEqualTo("00-" + traceId + "-" + emitted.getMDCPropertyMap().get("spanId") + "-01");
        // the posts-service keeps the post, the users-service looks for mentions: two workers, one trace
        List<ILoggingEvent> applied = await().atMost(Duration.ofSeconds(30))
                .until(() -> captured.lines("applied post-created " + eventId), lines -> lines.size() >= 2);
        assertThat(applied)
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("traceId", traceId))
                .extracting(ILoggingEvent::getThreadName)
                .doesNotContain(emitted.getThreadName());
        assertThat(consoleLine(applied.getFirst()))
                .as("the line as the console writes it")
                .contains(traceId)
                .contains("applied post-created " + eventId);
    }

    @Test
    void theEmailASignUpCausesIsSentInTheSignUpsTraceAndItsActionLogNamesTheTrace() {
        String traceId = hex(32);
        String username = "traced" + System.nanoTime() % 1_000_000_000;

        Api.Reply signedUp = new Api(system.gatewayUrl())
                .post(
                        "/api/user/sign-up",
                        SignUpJourneyTests.signUpBody(username + "@example.com", username),
                        "X-Forwarded-For",
                        Users.newClient(),
                        "traceparent",
                        "00-" + traceId + "-" + hex(16) + "-01");

        assertThat(signedUp.status()).isEqualTo(201);
        ILoggingEvent sent = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> captured.events.stream()
                                .filter(event -> event.getFormattedMessage().startsWith("sent email "))
                                .filter(event ->
                                        traceId.equals(event.getMDCPropertyMap().get("traceId")))
                                .findFirst()
                                .orElse(null),
                        line -> line != null);
        assertThat(sent.getThreadName()).isEqualTo("outgoing-messages");
        assertThat(system.actionLogs()
                        .count(Query.query(Criteria.where("traceId").is(traceId)), ActionLogWriter.COLLECTION))
                .as("the sign-up's action logs")
                .isPositive();
    }

    @Test
    void spansLeaveOnlyForAConfiguredOtlpEndpoint() throws Exception {
        assertThat(system.gateway().getBeansOfType(SpanExporter.class))
                .as("no OTLP_TRACING_ENDPOINT: nothing exported")
                .isEmpty();

        Queue<byte[]> received = new ConcurrentLinkedQueue<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        try (ConfigurableApplicationContext exporting = system.startSecondGateway(
                "--OTLP_TRACING_ENDPOINT=" + endpoint,
                "--management.opentelemetry.tracing.export.schedule-delay=100ms")) {
            String traceId = hex(32);

            Api.Reply answered = new Api(RunningSystem.urlOf(exporting, ""))
                    .get("/api/posts/tags", "traceparent", "00-" + traceId + "-" + hex(16) + "-01");

            assertThat(answered.status()).isEqualTo(200);
            byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
            // OTLP/HTTP carries spans as protobuf, a trace id as its 16 raw bytes
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> received.stream().anyMatch(body -> contains(body, traceIdBytes)));
        } finally {
            collector.stop(0);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        for (int start = 0; start + part.length <= body.length; start++) {
            if (Arrays.equals(body, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    record Outbox(String eventId, String traceParent) {}

    private String consoleLine(ILoggingEvent event) {
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        return ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder())
                .getLayout()
                .doLayout(event);
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    /** Every log event while a test runs; appended from many threads at once. */
    private static final class Captured extends AppenderBase<ILoggingEvent> {

        private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }

        List<ILoggingEvent> lines(String message) {
            return events.stream()
                    .filter(event -> event.getFormattedMessage().equals(message))
                    .toList();
        }

        ILoggingEvent line(String message) {
            return lines(message).stream().findFirst().orElse(null);
        }
    }
}
