package io.cryptotalks.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The @ autocomplete's query on a real PostgreSQL with the users-service's schema (from its sources) and 5,000 users:
 * any case, literal '_', confirmed users only, at most 8 in order, and a plan that is one range of the prefix index.
 */
class UserSuggestionsDatabaseTests {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @BeforeAll
    static void fiveThousandUsers() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .table("flyway_history_users")
                .locations("filesystem:../users-service/src/main/resources/db/migration/users")
                .load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql("""
                        insert into users (id, email, password, account_confirm, username, tac)
                        select gen_random_uuid(), 'u' || n || '@example.com', 'x', true, 'user' || n, true
                        from generate_series(1, 5000) n""").update();
        for (String[] user : new String[][] {
            {"Alice", "true"}, {"alicia", "true"}, {"ali_ce", "true"}, {"aliXce", "true"}, {"Ali-unconfirmed", "false"}
        }) {
            jdbc.sql("""
                            insert into users (id, email, password, account_confirm, username, tac)
                            values (?, ?, 'x', ?, ?, true)""")
                    .params(UUID.randomUUID(), user[0] + "@example.com", Boolean.parseBoolean(user[1]), user[0])
                    .update();
        }
        jdbc.sql("analyze users").update();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private final UserSuggestions suggestions = new UserSuggestions(jdbc);

    @Test
    void confirmedUsersByPrefixInAnyCaseAtMostEight() {
        assertThat(names("ALI")).containsExactly("ali_ce", "Alice", "alicia", "aliXce");
        assertThat(names("ali_")).as("'_' is literal, not a wildcard").containsExactly("ali_ce");
        assertThat(names("ali%")).isEmpty();
        assertThat(names("user1")).hasSize(8).startsWith("user1", "user10", "user100", "user1000");
        assertThat(names("nobody")).isEmpty();
    }

    @Test
    void aBlankOrLongPrefixIsABadRequest() {
        assertThatThrownBy(() -> suggestions.startingWith(null)).hasMessageContaining("prefix");
        assertThatThrownBy(() -> suggestions.startingWith(" ")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> suggestions.startingWith("x".repeat(31))).hasMessageContaining("prefix");
    }

    @Test
    void thePlanIsOneRangeOfThePrefixIndexWithoutASort() {
        String plan = String.join(
                "\n",
                jdbc.sql("explain "
                                + UserSuggestions.QUERY
                                        .replace(":pattern", "'user12%'")
                                        .replace(":limit", "8"))
                        .query(String.class)
                        .list());

        assertThat(plan).contains("Index Scan using users_username_prefix_idx").doesNotContain("Sort", "Seq Scan");
    }

    private List<String> names(String prefix) {
        return suggestions.startingWith(prefix).stream()
                .map(UserSuggestions.Suggestion::username)
                .toList();
    }
}
