package io.cryptotalks.users.outgoing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sendgrid.SendGrid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real SendGrid SDK against a local stub of the v3 API that checks the exact request. */
class SendGridSenderTests {

    private final WireMockServer sendGridApi =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private SendGridSender sender;

    @BeforeEach
    void start() {
        sendGridApi.start();
        SendGrid sendGrid = new SendGrid("SG.test-key", true);
        sendGrid.setHost("127.0.0.1:" + sendGridApi.port());
        sender = new SendGridSender(sendGrid, "no-reply@cryptotalks.test");
    }

    @AfterEach
    void stop() {
        sendGridApi.stop();
    }

    @Test
    void sendsTheMessageWithTheKeyAndTheIdempotencyKey() {
        sendGridApi.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));

        sender.send(new OutgoingMessage(
                "event-1",
                UUID.randomUUID(),
                Channel.EMAIL,
                "ada@example.com",
                "Hello",
                "Open http://x/y",
                List.of("http://x/y")));

        sendGridApi.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.test-key"))
                .withRequestBody(equalToJson("""
                        {"from":{"name":"Cryptotalks","email":"no-reply@cryptotalks.test"},
                         "subject":"Hello",
                         "personalizations":[{"to":[{"email":"ada@example.com"}]}],
                         "content":[{"type":"text/plain","value":"Open http://x/y"}],
                         "headers":{"X-Cryptotalks-Idempotency-Key":"event-1"},
                         "custom_args":{"idempotencyKey":"event-1"}}
                        """, true, true)));
    }

    @Test
    void aRefusalFailsTheSendSoTheMessageIsRetried() {
        sendGridApi.stubFor(
                post("/v3/mail/send").willReturn(aResponse().withStatus(401).withBody("{\"errors\":[]}")));

        assertThatThrownBy(() -> sender.send(new OutgoingMessage(
                        "event-2", UUID.randomUUID(), Channel.EMAIL, "ada@example.com", "Hi", "x", List.of())))
                .hasMessageContaining("401");
    }
}
