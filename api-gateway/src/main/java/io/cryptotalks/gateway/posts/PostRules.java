package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a post's tags and body must be. */
final class PostRules {

    static final int MAX_TAGS = 5;
    static final int MAX_CONTENT_CHARACTERS = 50_000;
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,20}");

    private PostRules() {}

    /** Lower-cased, without duplicates, in the order given; 1 to 5 of them. */
    static List<String> tags(List<String> tags) {
        if (tags == null || tags.isEmpty() || tags.size() > MAX_TAGS) {
            throw ApiError.TAG_LENGTH.exception("A post has 1 to " + MAX_TAGS + " tags");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            clean.add(tag(tag));
        }
        return List.copyOf(clean);
    }

    /** One tag, lower-cased: of a post, or followed from its page. */
    static String tag(String tag) {
        String lower = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(lower).matches()) {
            throw ApiError.TAG_LENGTH.exception("Tags are 1 to 20 characters of a-z, 0-9 and -: '" + tag + "'");
        }
        return lower;
    }

    static List<String> content(List<String> lines) {
        int total = 0;
        for (String line : lines) {
            if (line == null) {
                throw ApiError.VALIDATION_ERROR.exception("content: lines cannot be null");
            }
            total += line.length();
        }
        if (total == 0 || total > MAX_CONTENT_CHARACTERS) {
            throw ApiError.VALIDATION_ERROR.exception(
                    "content: must be 1 to " + MAX_CONTENT_CHARACTERS + " characters");
        }
        return List.copyOf(lines);
    }

    static String rate(String rate) {
        if (!"+".equals(rate) && !"-".equals(rate)) {
            throw ApiError.WRONG_RATE.exception();
        }
        return rate;
    }
}
