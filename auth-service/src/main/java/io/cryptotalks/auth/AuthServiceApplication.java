package io.cryptotalks.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AuthServiceApplication {

    /** Its settings file is auth-service.yml, so the services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "spring.config.name=auth-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuthServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
