package io.cryptotalks.common.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a post or comment refers to, one definition for every module (the users-service's mention notices, the
 * gateway's links and cashtags; the web app mirrors both patterns in {@code frontend/src/lib/references.ts}).
 *
 * <ul>
 *   <li>A <b>mention</b> is {@code @} and a name of the username alphabet (3–30 of letters, digits, {@code _ . -}), not
 *       preceded by one of those characters or {@code @} (so an e-mail address is no mention). A username may end in
 *       '.' or '-', but a sentence often does ("thanks @alice."), so both the name as written and without its trailing
 *       dots and dashes are candidates.
 *   <li>A <b>cashtag</b> is {@code $} and 2–10 upper-case letters and digits with at least one letter ({@code $BTC},
 *       {@code $1INCH}), not preceded by a letter, digit, {@code _} or {@code $} and not followed by a letter, digit or
 *       {@code _}: "$5", "$100" and "US$" or "US$5" are no cashtags, and neither is "$btc" (lower case is how prose
 *       and code write variables; cashtags are written in capitals).
 * </ul>
 *
 * Both are found in the raw Markdown, code spans included; only existing users and coins count, so a candidate that
 * names nothing is plain text.
 */
public final class TextReferences {

    public static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,30})");

    public static final Pattern CASHTAG =
            Pattern.compile("(?<![A-Za-z0-9_$])\\$(?=[0-9]*[A-Z])([A-Z0-9]{2,10})(?![A-Za-z0-9_])");

    private TextReferences() {}

    /** The lower-case usernames the texts may mention (nulls skipped), in order of appearance. */
    public static Set<String> mentionedNames(Collection<String> texts) {
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
        return names;
    }

    /** The symbols of the texts' cashtags (nulls skipped), as written (upper case), in order of appearance. */
    public static Set<String> cashtagSymbols(Collection<String> texts) {
        Set<String> symbols = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = CASHTAG.matcher(text);
            while (matcher.find()) {
                symbols.add(matcher.group(1));
            }
        }
        return symbols;
    }
}
