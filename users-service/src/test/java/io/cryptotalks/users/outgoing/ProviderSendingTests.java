package io.cryptotalks.users.outgoing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.users.UsersFixtures;
import io.cryptotalks.users.UsersServiceApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With provider keys, email goes through the SendGrid SDK and SMS through the Twilio SDK, after commit — here against
 * local stubs of both APIs that check the exact requests. The dev mailbox is off and stays empty.
 */
@SpringBootTest(
        classes = UsersServiceApplication.class,
        properties = {
            UsersServiceApplication.CONFIG_NAME,
            "spring.kafka.listener.auto-startup=false",
            "cryptotalks.dev-mailbox.enabled=false",
            "cryptotalks.sendgrid.api-key=SG.test-key",
            "cryptotalks.sendgrid.sender-email=no-reply@cryptotalks.test",
            "cryptotalks.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
            "cryptotalks.twilio.auth-token=twilio-token",
            "cryptotalks.twilio.auth-phone=+15005550006"
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class ProviderSendingTests {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final WireMockServer providers =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        providers.start();
    }

    @DynamicPropertySource
    static void providerUrls(DynamicPropertyRegistry registry) {
        registry.add("cryptotalks.sendgrid.base-url", () -> "http://127.0.0.1:" + providers.port());
        registry.add("cryptotalks.twilio.base-url", () -> "http://localhost:" + providers.port());
    }

    @AfterAll
    static void stop() {
        providers.stop();
    }

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageDispatcher dispatcher;

    UsersFixtures fixtures;

    @BeforeEach
    void reset() {
        providers.resetAll();
        fixtures = new UsersFixtures(jdbc);
    }

    @Test
    void theSmsCodeIsTextedThroughTwilioOnceAndNeverLogged(CapturedOutput output) {
        providers.stubFor(post("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));

        String eventId = apply("phone-code-issued");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.outgoing(eventId).orElseThrow().sent());
        providers.verify(
                1,
                postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                        .withHeader(
                                "Authorization",
                                equalTo("Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((ACCOUNT_SID + ":twilio-token")
                                                        .getBytes(StandardCharsets.US_ASCII))))
                        .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                        .withFormParam("To", equalTo("+48123456789"))
                        .withFormParam("From", equalTo("+15005550006"))
                        .withFormParam(
                                "Body",
                                equalTo("Cryptotalks verification code: 493027.\nWill be valid for 5 minutes.")));
        assertThat(fixtures.outgoing(eventId).orElseThrow().body()).isEmpty();
        assertThat(fixtures.mailbox(eventId)).isEmpty();
        assertThat(output.getAll()).doesNotContain("493027");
    }

    @Test
    void theResetLinkIsEmailedThroughSendGridWithItsIdempotencyKey() {
        providers.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));

        String eventId = apply("password-reset-requested");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.outgoing(eventId).orElseThrow().sent());
        providers.verify(
                1,
                postRequestedFor(urlEqualTo("/v3/mail/send"))
                        .withHeader("Authorization", equalTo("Bearer SG.test-key"))
                        .withRequestBody(equalToJson("""
                        {"from":{"name":"Cryptotalks","email":"no-reply@cryptotalks.test"},
                         "subject":"Cryptotalks - Password reset",
                         "personalizations":[{"to":[{"email":"john.doe@gmail.com"}]}],
                         "content":[{"type":"text/plain","value":"${json-unit.any-string}"}],
                         "headers":{"X-Cryptotalks-Idempotency-Key":"%s"},
                         "custom_args":{"idempotencyKey":"%s"}}
                        """.formatted(eventId, eventId), true, false))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.content[0].value",
                                        matching(
                                                "(?s).*http://localhost:8080/reset-password/[0-9a-f]{40}\\?email=john\\.doe%40gmail\\.com\n.*"))));
        assertThat(fixtures.outgoing(eventId).orElseThrow().links()).isEmpty();
        assertThat(fixtures.mailbox(eventId)).isEmpty();
    }

    @Test
    void aProviderOutageLeavesTheMessageQueuedForARetry() {
        providers.stubFor(
                post("/v3/mail/send").willReturn(aResponse().withStatus(500).withBody("{\"errors\":[]}")));

        String eventId = apply("confirmation-email-requested");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.outgoing(eventId).orElseThrow().attempts() == 1);
        assertThat(fixtures.outgoing(eventId).orElseThrow()).satisfies(row -> {
            assertThat(row.sent()).isFalse();
            assertThat(row.lastError()).contains("500");
            assertThat(row.links()).hasSize(1);
        });

        providers.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        jdbc.sql("update outgoing_messages set next_attempt_at = now() where idempotency_key = ?")
                .param(eventId)
                .update();
        dispatcher.dispatchDue();

        assertThat(fixtures.outgoing(eventId).orElseThrow().sent()).isTrue();
        assertThat(fixtures.outgoing(eventId).orElseThrow().attempts()).isEqualTo(2);
        providers.verify(2, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    private String apply(String type) {
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.USERS, type, UUID.randomUUID());
        inbound.accept(record);
        return json.read(record.value()).eventId().toString();
    }
}
