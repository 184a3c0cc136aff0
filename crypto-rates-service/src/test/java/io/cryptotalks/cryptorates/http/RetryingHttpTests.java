package io.cryptotalks.cryptorates.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cryptotalks.cryptorates.MarketProperties;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/** Timeouts and bounded retries with back-off, against a local stub server. */
class RetryingHttpTests {

    private final WireMockServer api =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private RetryingHttp http;

    @BeforeEach
    void start() {
        api.start();
        MarketProperties.Http settings = new MarketProperties.Http(
                Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(100), Duration.ofMillis(400));
        http = new RetryingHttp(
                "Test API",
                api.baseUrl(),
                settings,
                JsonMapper.builder().build(),
                headers -> headers.set("x-test-key", "secret"));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void aServerErrorIsRetriedWithGrowingPausesUntilItPasses() {
        api.stubFor(get("/thing")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still"));
        api.stubFor(get("/thing")
                .inScenario("flaky")
                .whenScenarioStateIs("still")
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("fine"));
        api.stubFor(
                get("/thing").inScenario("flaky").whenScenarioStateIs("fine").willReturn(okJson("{\"ok\":true}")));
        long started = System.nanoTime();

        String body = call();

        assertThat(body).isEqualTo("{\"ok\":true}");
        // 100 ms, then 200 ms of back-off
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        api.verify(3, getRequestedFor(urlEqualTo("/thing")).withHeader("x-test-key", equalTo("secret")));
    }

    @Test
    void theRetriesAreBoundedThenTheFailureIsClear() {
        api.stubFor(get("/thing").willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(this::call)
                .isInstanceOf(ExternalApiException.class)
                .hasMessageStartingWith("Test API GET /thing failed after 3 attempt(s)")
                .hasMessageContaining("429")
                .hasCauseInstanceOf(HttpClientErrorException.TooManyRequests.class);
        api.verify(3, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void aTimeoutIsRetriedToo() {
        api.stubFor(get("/thing").willReturn(okJson("{}").withFixedDelay(3_000)));

        assertThatThrownBy(this::call)
                .isInstanceOf(ExternalApiException.class)
                .hasMessageContaining("failed after 3 attempt(s)")
                .hasCauseInstanceOf(ResourceAccessException.class);
        api.verify(3, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        api.stubFor(get("/thing").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(this::call)
                .isInstanceOfSatisfying(
                        ExternalApiException.class,
                        failure -> assertThat(failure.notFound()).isTrue());
        api.verify(1, getRequestedFor(urlEqualTo("/thing")));
    }

    private String call() {
        return http.call(
                "GET /thing", () -> http.client().get().uri("/thing").retrieve().body(String.class));
    }
}
