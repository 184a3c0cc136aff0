package io.cryptotalks.users.outgoing;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The SDK's HTTP client, sending every request to {@code baseUrl} instead of {@code https://<product>.twilio.com}
 * (tests against a local stub, or a proxy); path, parameters, headers and credentials are kept.
 */
class RedirectedTwilioHttpClient extends NetworkHttpClient {

    private final String baseUrl;

    RedirectedTwilioHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        Request redirected = new Request(
                request.getMethod(), baseUrl + URI.create(request.getUrl()).getRawPath());
        if (request.getUsername() != null) {
            redirected.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            redirected.setAuth(request.getAuthStrategy());
        }
        request.getQueryParams()
                .forEach((name, values) -> values.forEach(value -> redirected.addQueryParam(name, value)));
        request.getPostParams()
                .forEach((name, values) -> values.forEach(value -> redirected.addPostParam(name, value)));
        copyHeaders(request.getHeaderParams(), redirected);
        redirected.setContentType(request.getContentType());
        redirected.setBody(request.getBody());
        redirected.setUserAgentExtensions(request.getUserAgentExtensions());
        return super.makeRequest(redirected);
    }

    private static void copyHeaders(Map<String, List<String>> headers, Request to) {
        headers.forEach((name, values) -> values.forEach(value -> to.addHeaderParam(name, value)));
    }
}
