package io.cryptotalks.users.notifications;

import io.cryptotalks.common.text.TextReferences;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users an {@code @username} in a text names: existing users only, any case. What a mention is, is defined once in
 * {@link TextReferences#MENTION} (the gateway links the same names).
 */
@Component
class Mentions {

    private final JdbcClient jdbc;

    Mentions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<UUID> in(Collection<String> texts) {
        Set<String> names = TextReferences.mentionedNames(texts);
        if (names.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select id from users where lower(username) = any(cast(:names as text[]))")
                .param("names", names.toArray(String[]::new))
                .query(UUID.class)
                .list());
    }

    Set<UUID> in(String text) {
        return in(List.of(text));
    }
}
