package io.cryptotalks.users.outgoing;

import com.sendgrid.SendGrid;
import com.twilio.http.TwilioRestClient;
import io.cryptotalks.users.UsersProperties;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per channel: the provider when its keys are set (SendGrid for email, Twilio for SMS); otherwise the dev mailbox, but
 * only when {@code DEV_MAILBOX=true}; otherwise nothing is sent and each message is logged (recipient only) and failed.
 */
@Configuration(proxyBeanMethods = false)
class SendersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SendersConfiguration.class);

    @Bean
    Senders senders(UsersProperties properties, JdbcClient jdbc) {
        boolean devMailbox = properties.devMailbox().enabled();
        MessageSender email;
        if (properties.sendgrid().configured()) {
            email = new SendGridSender(
                    sendGrid(properties.sendgrid()), properties.sendgrid().senderEmail());
        } else if (devMailbox) {
            email = new DevMailboxSender(jdbc);
        } else {
            email = new NoProviderSender("SENDGRID_API_KEY");
        }
        MessageSender sms;
        if (properties.twilio().configured()) {
            sms = new TwilioSender(
                    twilio(properties.twilio()), properties.twilio().authPhone());
        } else if (devMailbox) {
            sms = new DevMailboxSender(jdbc);
        } else {
            sms = new NoProviderSender("TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_AUTH_PHONE");
        }
        log.info("email goes to {}, SMS to {}", describe(email), describe(sms));
        return new Senders(email, sms);
    }

    private static String describe(MessageSender sender) {
        if (sender instanceof SendGridSender) {
            return "SendGrid";
        }
        if (sender instanceof TwilioSender) {
            return "Twilio";
        }
        return sender instanceof DevMailboxSender ? "the dev mailbox (GET /api/dev/mailbox)" : "nowhere (no provider)";
    }

    private static SendGrid sendGrid(UsersProperties.SendGrid settings) {
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            return new SendGrid(settings.apiKey());
        }
        URI base = URI.create(settings.baseUrl());
        SendGrid sendGrid = new SendGrid(settings.apiKey(), "http".equals(base.getScheme()));
        sendGrid.setHost(base.getAuthority());
        return sendGrid;
    }

    private static TwilioRestClient twilio(UsersProperties.Twilio settings) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken());
        if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
            builder.httpClient(new RedirectedTwilioHttpClient(settings.baseUrl()));
        }
        return builder.build();
    }
}
