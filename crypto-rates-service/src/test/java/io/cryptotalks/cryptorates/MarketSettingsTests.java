package io.cryptotalks.cryptorates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.settings.SettingsFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The market APIs' addresses are checked when the service starts. */
class MarketSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MarketProperties.class)
    static class Settings {}

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class)
            .withPropertyValues("spring.config.name=crypto-rates-service");

    @Test
    void theDefaultsAndHttpAddressesStart() {
        service.run(context -> assertThat(context).hasNotFailed());
        service.withPropertyValues("COINRANKING_API_URL=http://127.0.0.1:8089/v2")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMalformedAddressIsRefusedWithOneLine() {
        service.withPropertyValues("COINGECKO_API_URL=api.coingecko.com/api/v3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(new SettingsFailureAnalyzer()
                            .analyze(context.getStartupFailure())
                            .getDescription())
                    .isEqualTo("COINGECKO_API_URL is malformed: expected http(s)://host[:port]/path");
        });
    }
}
