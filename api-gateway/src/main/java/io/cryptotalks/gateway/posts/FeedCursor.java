package io.cryptotalks.gateway.posts;

import io.cryptotalks.gateway.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in the feed: the (created_at, id) of the last post a page showed. The next page starts strictly after it
 * in the feed's order, so posts written meanwhile (newer, above it) neither shift nor repeat a page, unlike an offset.
 * Opaque to clients (base64url of {@code <instant>|<id>}); a cursor that does not decode is a 400.
 */
record FeedCursor(Instant createdAt, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static FeedCursor after(PostResponses.Summary last) {
        return new FeedCursor(last.createdAt(), last.id());
    }

    static FeedCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new FeedCursor(
                    Instant.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
        } catch (RuntimeException unreadable) {
            throw ApiError.BAD_REQUEST.exception("cursor is not one this API gave");
        }
    }

    String text() {
        return ENCODER.encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    OffsetDateTime createdAtUtc() {
        return createdAt.atOffset(ZoneOffset.UTC);
    }
}
