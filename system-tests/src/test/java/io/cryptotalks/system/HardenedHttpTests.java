package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hardened HTTP on the gateway and the workers' ports: the security headers on every response (errors, 404s and
 * what Tomcat refuses before any filter included), the Swagger UI under its own CSP, CORS closed except for the
 * configured origin ({@code CORS_ALLOWED_ORIGINS=https://app.example.test} in {@link RunningSystem}), no server
 * version, and Actuator's non-health endpoints out of the public's reach.
 */
class HardenedHttpTests {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String ALLOWED_ORIGIN = RunningSystem.CORS_ALLOWED_ORIGIN;

    private final RunningSystem system = RunningSystem.shared();
    private final String gateway = system.gatewayUrl();
    private final HttpClient http = HttpClient.newHttpClient();
    /** A client address of this test's own (the gateway believes 127.0.0.1's X-Forwarded-For): its own rate limits. */
    private final String client = "198.51.100." + (1 + new java.util.Random().nextInt(254));

    record Response(int status, Map<String, List<String>> headers, String body) {

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of());
        }

        String header(String name) {
            List<String> values = all(name);
            assertThat(values).as(name + " is sent once").hasSizeLessThanOrEqualTo(1);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private Response send(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (url.startsWith(gateway) && !List.of(headers).contains("X-Forwarded-For")) {
            request.header("X-Forwarded-For", client);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertHardened(Response response, String what, String policy) {
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).as(what).isEqualTo(policy);
        assertThat(response.all("Server")).as(what + ": no server version").isEmpty();
        assertThat(response.all("X-Powered-By")).as(what).isEmpty();
    }

    @Test
    void everyGatewayResponseCarriesTheSecurityHeadersErrorsIncluded() {
        Map<String, Response> responses = new java.util.LinkedHashMap<>();
        responses.put("200 public", send("GET", gateway + "/api/posts/tags", null));
        responses.put("404 unknown route", send("GET", gateway + "/api/nope", null));
        responses.put("401 no token", send("GET", gateway + "/api/user/get-settings", null));
        responses.put(
                "401 bad token",
                send("GET", gateway + "/api/user/get-settings", null, "x-access-token", "Bearer x.y.z"));
        responses.put("400 validation", send("POST", gateway + "/api/user/sign-up", "{}"));
        responses.put("400 broken JSON", send("POST", gateway + "/api/user/sign-up", "{\"email\":"));
        responses.put(
                "413 ahead of Spring Security", send("POST", gateway + "/api/user/sign-up", "x".repeat(2_000_000)));
        responses.put("400 NUL ahead of Spring Security", send("GET", gateway + "/api/user/get/a%00b", null));
        responses.put(
                "400 refused by Tomcat", send("GET", gateway + "/api/user/account-confirmation/..%2f..%2fetc", null));
        responses.put("405", send("DELETE", gateway + "/api/posts/tags", null));
        responses.put("health", send("GET", gateway + "/actuator/health", null));
        responses.put("OpenAPI document", send("GET", gateway + "/docs-json", null));

        responses.forEach((what, response) -> assertHardened(response, what, API_POLICY));
        assertThat(responses.get("200 public").status()).isEqualTo(200);
        assertThat(responses.get("404 unknown route").status()).isEqualTo(404);
        assertThat(responses.get("401 no token").status()).isEqualTo(401);
        assertThat(responses.get("413 ahead of Spring Security").status()).isEqualTo(413);
        assertThat(responses.get("400 NUL ahead of Spring Security").status()).isEqualTo(400);
        assertThat(responses.get("400 refused by Tomcat").status()).isEqualTo(400);
        // plain http: no HSTS
        responses.forEach((what, response) ->
                assertThat(response.all("Strict-Transport-Security")).as(what).isEmpty());
    }

    @Test
    void hstsOnlyOverHttpsAsReportedByTheTrustedProxy() {
        Response viaHttps = send("GET", gateway + "/api/posts/tags", null, "X-Forwarded-Proto", "https");
        assertThat(viaHttps.header("Strict-Transport-Security"))
                .startsWith("max-age=31536000")
                .contains("includeSubDomains");
        Response error = send("GET", gateway + "/api/nope", null, "X-Forwarded-Proto", "https");
        assertThat(error.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(send("GET", gateway + "/api/posts/tags", null).all("Strict-Transport-Security"))
                .isEmpty();
    }

    @Test
    void theSwaggerUiLoadsUnderItsOwnPolicy() {
        Response docs = send("GET", gateway + "/docs", null);
        assertThat(docs.status()).isIn(301, 302);
        URI index = URI.create(gateway + "/docs").resolve(docs.header("Location"));
        Response page = send("GET", index.toString(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        // every script the page runs is a file from this origin, allowed by script-src 'self'
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S");

        List<String> files = new ArrayList<>();
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (references.find()) {
            files.add(references.group(1));
        }
        assertThat(files)
                .anyMatch(file -> file.endsWith("swagger-ui-bundle.js"))
                .anyMatch(file -> file.endsWith("swagger-initializer.js"));
        String initializer = null;
        for (String file : files) {
            URI url = index.resolve(file);
            assertThat(url.getHost()).as(file + " from this origin").isEqualTo(index.getHost());
            Response loaded = send("GET", url.toString(), null);
            assertThat(loaded.status()).as(file).isEqualTo(200);
            assertThat(loaded.header("X-Content-Type-Options")).isEqualTo("nosniff");
            if (file.endsWith(".js")) {
                assertThat(loaded.header("Content-Type")).as(file).contains("javascript");
            }
            if (file.endsWith("swagger-initializer.js")) {
                initializer = loaded.body();
            }
        }
        // the initializer fetches the UI's configuration and the OpenAPI document from this origin (connect-src 'self')
        assertThat(initializer).isNotNull();
        String init = initializer.replace("\\/", "/");
        Matcher config = Pattern.compile("\"?configUrl\"?\\s*:\\s*\"([^\"]+)\"").matcher(init);
        if (config.find()) {
            Response uiConfig = send("GET", index.resolve(config.group(1)).toString(), null);
            assertThat(uiConfig.status()).isEqualTo(200);
            assertThat(uiConfig.body().replace("\\/", "/")).contains("/docs-json");
        } else {
            assertThat(init).contains("/docs-json");
        }
        assertThat(send("GET", gateway + "/docs-json", null).status()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsRefusedForUnknownOriginsAndAllowedForTheConfiguredOne() {
        Response unknown = send(
                "OPTIONS",
                gateway + "/api/user/sign-in",
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.all("Access-Control-Allow-Origin")).isEmpty();
        assertThat(unknown.header("Content-Type")).startsWith("application/json");
        assertThat(unknown.body()).contains("\"statusCode\":403");
        assertHardened(unknown, "refused preflight", API_POLICY);

        Response allowed = send(
                "OPTIONS",
                gateway + "/api/user/get-settings",
                null,
                "Origin",
                ALLOWED_ORIGIN,
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "x-access-token");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-access-token");

        // an actual request: served, but only the configured origin is told it may read it
        Response foreign = send("GET", gateway + "/api/posts/tags", null, "Origin", "https://evil.example");
        assertThat(foreign.all("Access-Control-Allow-Origin")).isEmpty();
        Response friendly = send("GET", gateway + "/api/posts/tags", null, "Origin", ALLOWED_ORIGIN);
        assertThat(friendly.status()).isEqualTo(200);
        assertThat(friendly.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        // the web app on the API's own origin needs no CORS at all
        Response sameOrigin = send("POST", gateway + "/api/user/sign-up", "{}", "Origin", gateway);
        assertThat(sameOrigin.status()).isEqualTo(400);
    }

    @Test
    void theGatewayExposesOnlyHealthOfActuator() {
        assertThat(send("GET", gateway + "/actuator/health/readiness", null).status())
                .isEqualTo(200);
        assertThat(send("GET", gateway + "/actuator/info", null).status()).isEqualTo(404);
        assertThat(send("GET", gateway + "/actuator/env", null).status()).isEqualTo(404);
        assertThat(send("POST", gateway + "/actuator/deadletters", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void aWorkersDeadLettersAreNotReachableFromOtherHosts() {
        String port = String.valueOf(URI.create(system.usersServiceUrl()).getPort());
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        String outside = "http://" + address.get() + ":" + port;

        Response health = send("GET", outside + "/actuator/health/readiness", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.all("Server")).isEmpty();
        Response redrive = send("POST", outside + "/actuator/deadletters", "{}");
        assertThat(redrive.status()).isEqualTo(404);
        assertThat(redrive.body()).contains("\"statusCode\":404");
        assertThat(send("GET", outside + "/actuator/info", null).status()).isEqualTo(404);
        // no way around it through the path
        assertThat(send("POST", outside + "/actuator/health/../deadletters", "{}")
                        .status())
                .isIn(400, 404);
        assertThat(send("POST", outside + "/actuator/health/..;/deadletters", "{}")
                        .status())
                .isIn(400, 404);
        assertThat(send("POST", outside + "/actuator/deadletters", "{}", "X-Forwarded-For", "127.0.0.1")
                        .status())
                .isEqualTo(404);
        // the operator on the machine (the launcher's redrive) still can
        assertThat(send("POST", system.usersServiceUrl() + "/actuator/deadletters", "{}")
                        .status())
                .isEqualTo(200);
    }

    private static Optional<String> nonLoopbackAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
