package io.cryptotalks.cryptorates.http;

import io.cryptotalks.cryptorates.MarketProperties;
import java.net.http.HttpClient;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link RestClient} for one external API, with connect and read timeouts, whose calls are retried a bounded number
 * of times with exponential back-off when the failure may pass: 429, any 5xx and I/O failures (a timeout, a refused or
 * reset connection). Anything else (another 4xx, an unreadable body) fails at once. Either way the caller gets one
 * {@link ExternalApiException} that says what failed and how often it was tried.
 */
public final class RetryingHttp {

    private static final Logger log = LoggerFactory.getLogger(RetryingHttp.class);

    private final String apiName;
    private final RestClient client;
    private final RetryTemplate retries;

    public RetryingHttp(
            String apiName,
            String baseUrl,
            MarketProperties.Http settings,
            JsonMapper mapper,
            Consumer<HttpHeaders> defaultHeaders) {
        this.apiName = apiName;
        // HTTP/1.1: no h2c upgrade attempt on plain-http endpoints (proxies, the tests' stub servers)
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(settings.readTimeout());
        this.client = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultHeaders(defaultHeaders)
                .configureMessageConverters(converters ->
                        converters.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(mapper)))
                .build();
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.maxRetries())
                .delay(settings.initialBackOff())
                .multiplier(2)
                .maxDelay(settings.maxBackOff())
                .predicate(RetryingHttp::mayPass)
                .build());
        this.retries.setRetryListener(new LoggingListener());
    }

    public RestClient client() {
        return client;
    }

    /** Runs {@code request} (a call on {@link #client()}) with the retries; {@code what} names it in logs and errors. */
    public <T> T call(String what, Supplier<T> request) {
        try {
            return retries.execute(new Retryable<T>() {
                @Override
                public T execute() {
                    return request.get();
                }

                @Override
                public String getName() {
                    return apiName + " " + what;
                }
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException();
            throw new ExternalApiException(
                    apiName + " " + what + " failed after " + (e.getRetryCount() + 1) + " attempt(s): "
                            + last.getMessage(),
                    last);
        }
    }

    static boolean mayPass(Throwable failure) {
        return failure instanceof HttpClientErrorException.TooManyRequests
                || failure instanceof HttpServerErrorException
                || failure instanceof ResourceAccessException;
    }

    private static final class LoggingListener implements RetryListener {

        @Override
        public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
            log.warn(
                    "{} failed {} time(s), last: {}; retrying",
                    retryable.getName(),
                    state.getExceptions().size(),
                    state.getLastException().getMessage());
        }
    }
}
