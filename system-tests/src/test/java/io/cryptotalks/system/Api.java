package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the gateway, as an API client would use it: JSON in, status, headers and JSON out. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
    }

    Reply post(String path, Object body, String... headers) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text)),
                headers);
    }

    Reply delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), headers);
    }

    /** A GET whose body is not text (an image): status, content type and the bytes. */
    Binary getBinary(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Binary(int status, String contentType, byte[] bytes) {}

    Reply patch(String path, Object body, String... headers) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(text)),
                headers);
    }

    Reply put(String path, Object body, String... headers) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(text)),
                headers);
    }

    private Reply send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The contract's error body: {@code {statusCode, message, error}} with this status and code. */
    static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.text("message")).isEqualTo(message);
        assertThat(reply.text("error")).isNotBlank();
        assertThat(reply.json().get("statusCode").asInt()).isEqualTo(status);
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream()
                    .findFirst()
                    .orElse(null);
        }

        String text(String field) {
            JsonNode value = json().get(field);
            return value == null ? null : value.asString();
        }

        List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** The {@code _rt} value of the first Set-Cookie header. */
        String refreshCookie() {
            String first = cookies().get(0);
            return first.substring("_rt=".length(), first.indexOf(';'));
        }
    }
}
