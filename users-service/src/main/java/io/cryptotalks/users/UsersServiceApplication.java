package io.cryptotalks.users;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UsersServiceApplication {

    /** Its settings file is users-service.yml, so the services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "spring.config.name=users-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(UsersServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
