package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.web.ApiError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Usernames for the {@code @} autocomplete: confirmed accounts (a closed account has no row) whose name starts with
 * the prefix in any case, first 8 in byte order of the lower-case name. The comparison is in the "C" collation so the
 * users-service's {@code users_username_prefix_idx} (its V1_6) serves both the prefix and the order: one short index
 * range, never a scan of the users.
 */
@Repository
class UserSuggestions {

    static final int LIMIT = 8;
    static final int MAX_PREFIX = 30;
    static final String QUERY = """
            select username from users
            where account_confirm and (lower(username) collate "C") like :pattern escape '\\'
            order by (lower(username) collate "C") limit :limit""";

    private final JdbcClient jdbc;

    UserSuggestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "UserSuggestion")
    record Suggestion(String username) {}

    List<Suggestion> startingWith(String prefix) {
        String clean = prefix == null ? "" : prefix.strip();
        if (clean.isEmpty() || clean.length() > MAX_PREFIX) {
            throw ApiError.BAD_REQUEST.exception("prefix must have 1 to " + MAX_PREFIX + " characters");
        }
        return jdbc.sql(QUERY)
                .param("pattern", escapeLike(clean.toLowerCase(Locale.ROOT)) + "%")
                .param("limit", LIMIT)
                .query(Suggestion.class)
                .list();
    }

    /** The prefix as a LIKE pattern's literal part: '_' is a username character, not a wildcard. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
