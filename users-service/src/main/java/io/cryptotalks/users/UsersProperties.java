package io.cryptotalks.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** {@code cryptotalks.*} of the users-service. */
@ConfigurationProperties("cryptotalks")
public record UsersProperties(URI frontEndUrl, Duration confirmationLifetime, Duration passwordResetLifetime,
                              boolean demoData, DevMailbox devMailbox, SendGrid sendgrid, Twilio twilio) {

    public UsersProperties {
        passwordResetLifetime = passwordResetLifetime == null ? Duration.ofHours(1) : passwordResetLifetime;
        devMailbox = devMailbox == null ? new DevMailbox(false) : devMailbox;
        sendgrid = sendgrid == null ? new SendGrid(null, "no-reply@cryptotalks.local", null) : sendgrid;
        twilio = twilio == null ? new Twilio(null, null, null, null) : twilio;
    }

    /** {@code DEV_MAILBOX=true}: email and SMS go to the {@code dev_mailbox} table (development only). */
    public record DevMailbox(boolean enabled) {
    }

    public record SendGrid(String apiKey, String senderEmail, String baseUrl) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** {@code baseUrl} only for tests and proxies: where the Twilio API is, instead of https://api.twilio.com. */
    public record Twilio(String accountSid, String authToken, String authPhone, String baseUrl) {

        public boolean configured() {
            return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank()
                    && authPhone != null && !authPhone.isBlank();
        }
    }
}
