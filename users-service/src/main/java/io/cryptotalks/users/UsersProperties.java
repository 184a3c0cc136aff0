package io.cryptotalks.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.*} of the users-service, checked at start-up: the web app's URL, and each provider all or nothing
 * (SendGrid: a key and a valid sender; Twilio: all three settings).
 */
@Validated
@ConfigurationProperties("cryptotalks")
public record UsersProperties(
        @NotNull(message = "FRONT_END_URL is missing: set the web app's address, e.g. https://cryptotalks.example.com")
        URI frontEndUrl,

        Duration confirmationLifetime,
        Duration passwordResetLifetime,
        boolean demoData,
        DevMailbox devMailbox,
        @Valid SendGrid sendgrid,
        @Valid Twilio twilio) {

    public UsersProperties {
        passwordResetLifetime = passwordResetLifetime == null ? Duration.ofHours(1) : passwordResetLifetime;
        devMailbox = devMailbox == null ? new DevMailbox(false) : devMailbox;
        sendgrid = sendgrid == null ? new SendGrid(null, "no-reply@cryptotalks.local", null) : sendgrid;
        twilio = twilio == null ? new Twilio(null, null, null, null) : twilio;
    }

    /** {@code DEV_MAILBOX=true}: email and SMS go to the {@code dev_mailbox} table (development only). */
    public record DevMailbox(boolean enabled) {}

    public record SendGrid(
            String apiKey,

            @Email(message = "SENDGRID_SENDER_EMAIL is malformed: set the address email is sent from")
            String senderEmail,

            @Pattern(
                    regexp = "(https?://\\S+)?",
                    message = "SENDGRID_BASE_URL is malformed: expected http(s)://host[:port]")
            String baseUrl) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }

        /** A key and a sender, or no key: SendGrid refuses mail without a (verified) sender. */
        @AssertTrue(message = "SENDGRID_API_KEY and SENDGRID_SENDER_EMAIL go together: set the sender address too")
        public boolean isSenderSet() {
            return !configured() || (senderEmail != null && !senderEmail.isBlank());
        }
    }

    /** {@code baseUrl} only for tests and proxies: where the Twilio API is, instead of https://api.twilio.com. */
    public record Twilio(
            String accountSid,
            String authToken,
            String authPhone,

            @Pattern(
                    regexp = "(https?://\\S+)?",
                    message = "TWILIO_BASE_URL is malformed: expected http(s)://host[:port]")
            String baseUrl) {

        public boolean configured() {
            return present(accountSid) && present(authToken) && present(authPhone);
        }

        /** All three or none: half a Twilio account would fail only when the first SMS is sent. */
        @AssertTrue(
                message = "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_AUTH_PHONE go together: set all three"
                        + " (SMS through Twilio) or none")
        public boolean isAllOrNothing() {
            return configured() || (!present(accountSid) && !present(authToken) && !present(authPhone));
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
