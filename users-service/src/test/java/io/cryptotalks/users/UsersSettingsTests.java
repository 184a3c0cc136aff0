package io.cryptotalks.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.settings.SettingsFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Email and SMS providers are all or nothing: half a provider stops the users-service with one line. */
class UsersSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(UsersProperties.class)
    static class Settings {}

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class)
            .withPropertyValues("spring.config.name=users-service");

    private String refusal(String... environment) {
        String[] description = new String[1];
        service.withPropertyValues(environment).run(context -> {
            assertThat(context).hasFailed();
            description[0] = new SettingsFailureAnalyzer()
                    .analyze(context.getStartupFailure())
                    .getDescription();
        });
        return description[0];
    }

    @Test
    void noProviderOrWholeProvidersStart() {
        service.run(context -> assertThat(context).hasNotFailed());
        service.withPropertyValues(
                        "TWILIO_ACCOUNT_SID=AC1",
                        "TWILIO_AUTH_TOKEN=t",
                        "TWILIO_AUTH_PHONE=+15005550006",
                        "SENDGRID_API_KEY=SG.key")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(UsersProperties.class).twilio().configured())
                            .isTrue();
                });
    }

    @Test
    void halfAProviderIsRefused() {
        assertThat(refusal("TWILIO_ACCOUNT_SID=AC1", "TWILIO_AUTH_TOKEN=t"))
                .isEqualTo("TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_AUTH_PHONE go together: set all three"
                        + " (SMS through Twilio) or none");
        assertThat(refusal("SENDGRID_API_KEY=SG.key", "SENDGRID_SENDER_EMAIL="))
                .startsWith("SENDGRID_API_KEY and SENDGRID_SENDER_EMAIL go together");
        assertThat(refusal("SENDGRID_SENDER_EMAIL=not an address")).startsWith("SENDGRID_SENDER_EMAIL is malformed");
    }
}
