package io.cryptotalks.cryptorates.http;

import org.springframework.web.client.HttpClientErrorException;

/** An external API call that failed for good: its retries are spent, or the failure was not worth retrying. */
public class ExternalApiException extends RuntimeException {

    public ExternalApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The API answered 404: what was asked for does not exist there (not a failure of the API). */
    public boolean notFound() {
        return getCause() instanceof HttpClientErrorException.NotFound;
    }
}
