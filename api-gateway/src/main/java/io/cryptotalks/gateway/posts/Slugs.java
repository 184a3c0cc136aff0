package io.cryptotalks.gateway.posts;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * Readable slugs from titles in any script (ICU's Any-Latin then Latin-ASCII: "Zażółć" → "zazolc", "Биткоин" →
 * "bitkoin"), lower case, words joined by '-', at most 80 characters. Uniqueness is decided by {@link PostHeads}.
 */
final class Slugs {

    private static final int MAX_LENGTH = 80;
    // built once: building it takes milliseconds, and requests run on virtual threads, each new, so a per-thread
    // instance would be built again for every post; ICU transliterators are not documented as thread-safe, hence the
    // lock (a title takes microseconds)
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Slugs() {}

    static String of(String title) {
        String ascii;
        synchronized (TO_ASCII) {
            ascii = TO_ASCII.transliterate(title);
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }

    /** The n-th candidate: the slug itself, then slug-2, slug-3, … */
    static String candidate(String slug, int attempt) {
        return attempt == 1 ? slug : slug + "-" + attempt;
    }
}
