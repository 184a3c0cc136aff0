package io.cryptotalks.gateway.posts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL with the tables the gateway's post reads meet in production: the posts-service's migrations
 * (from its sources, so a change there is tested here at once), then the gateway's own and the outbox.
 */
final class PostsSchema {

    private PostsSchema() {}

    static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .table("flyway_history_posts")
                .locations("filesystem:../posts-service/src/main/resources/db/migration/posts")
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .table("flyway_history_gateway")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:db/outbox", "classpath:db/gateway")
                .load()
                .migrate();
        return postgres;
    }
}
