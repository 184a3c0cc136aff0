package io.cryptotalks.gateway.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.gateway.web.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTests {

    @Test
    void readsBackExactlyToTheMicrosecondAndIsUrlSafe() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2026-11-27T10:20:30.123456Z"), UUID.randomUUID());

        String text = cursor.text();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.parse(text)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "%%%", "MjAyNi0xMS0yN1QxMDoyMDozMFo", "fHw"})
    void aCursorThisApiDidNotGiveIsABadRequest(String text) {
        assertThatThrownBy(() -> FeedCursor.parse(text))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("cursor");
    }
}
