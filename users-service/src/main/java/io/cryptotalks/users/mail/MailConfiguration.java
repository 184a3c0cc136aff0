package io.cryptotalks.users.mail;

import com.sendgrid.SendGrid;
import io.cryptotalks.users.UsersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(UsersProperties properties, JdbcClient jdbc) {
        UsersProperties.SendGrid sendgrid = properties.sendgrid();
        if (!sendgrid.configured()) {
            log.info("SENDGRID_API_KEY is not set: email goes to the dev mailbox (GET /api/dev/mailbox)");
            return new DevMailbox(jdbc);
        }
        return new SendGridMailer(sendGrid(sendgrid), sendgrid.senderEmail());
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
}
