package io.cryptotalks.cryptorates;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(MarketProperties.class)
public class CryptoRatesServiceApplication {

    /** Its settings file is crypto-rates-service.yml, so the services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "spring.config.name=crypto-rates-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CryptoRatesServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
