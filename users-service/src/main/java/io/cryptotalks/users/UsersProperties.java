package io.cryptotalks.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** {@code cryptotalks.*} of the users-service. */
@ConfigurationProperties("cryptotalks")
public record UsersProperties(URI frontEndUrl, Duration confirmationLifetime, boolean demoData, SendGrid sendgrid) {

    public record SendGrid(String apiKey, String senderEmail, String baseUrl) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }
}
