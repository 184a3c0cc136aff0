package io.cryptotalks.posts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class PostsServiceApplication {

    /** Its settings file is posts-service.yml, so the services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "spring.config.name=posts-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PostsServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
