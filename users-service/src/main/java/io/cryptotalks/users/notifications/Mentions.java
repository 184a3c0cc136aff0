package io.cryptotalks.users.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users an {@code @username} in a text names: existing users only, any case. A username may end in '.' or '-',
 * but a sentence often does ("thanks @alice."), so both the name as written and without its trailing dots and dashes
 * are looked up.
 */
@Component
class Mentions {

    /** The username alphabet of the sign-up rules, not preceded by one of its characters (no e-mail addresses). */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,30})");

    private final JdbcClient jdbc;

    Mentions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<UUID> in(Collection<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = MENTION.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1).toLowerCase(Locale.ROOT);
                names.add(name);
                String trimmed = name.replaceAll("[.-]+$", "");
                if (trimmed.length() >= 3) {
                    names.add(trimmed);
                }
            }
        }
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
