package io.cryptotalks.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.devstack.DevStackInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The service starts on the real infrastructure and its migrations create the tables it owns, with no foreign keys. */
@SpringBootTest(classes = PostsServiceApplication.class, properties = PostsServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = DevStackInitializer.class)
class SchemaTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void ownedTablesExistWithoutForeignKeys() {
        List<String> owned = List.of("posts", "comments", "post_ratings", "comment_ratings", "posts_processed_events");
        List<String> existing = jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class)
                .list();

        assertThat(existing).containsAll(owned);
        assertThat(jdbc.sql(
                                "select count(*) from information_schema.table_constraints where constraint_type = 'FOREIGN KEY'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
