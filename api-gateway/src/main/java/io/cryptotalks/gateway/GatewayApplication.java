package io.cryptotalks.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Its settings file is api-gateway.yml, so the services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "spring.config.name=api-gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
