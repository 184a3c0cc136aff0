package io.cryptotalks.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Text fields take text: line breaks, tabs and every script, never control characters or half a surrogate pair. */
class WellFormedTextTests {

    record Body(String name, List<String> lines) {}

    private final JsonMapper json;

    WellFormedTextTests() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WellFormedText().customize(builder);
        json = builder.build();
    }

    @Test
    void textWithLineBreaksTabsAndAnyScriptIsFine() {
        Body body = json.readValue(
                "{\"name\":\"Zażółć \\uD83D\\uDE80\\tx\",\"lines\":[\"a\\r\\nb\",\"\\u0645\\u0631\\u062d\\u0628\\u0627\"]}",
                Body.class);

        assertThat(body.name()).isEqualTo("Zażółć \uD83D\uDE80\tx");
        assertThat(WellFormedText.problemOf("line\n\tindented\r\n")).isNull();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\\u0000b\"}", Body.class))
                .isInstanceOfSatisfying(WellFormedText.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("name");
                    assertThat(refused.problem()).contains("control characters");
                });
        assertThatThrownBy(() -> json.readValue("{\"lines\":[\"ok\",\"\\u001b[31mred\"]}", Body.class))
                .isInstanceOfSatisfying(
                        WellFormedText.Refused.class,
                        refused -> assertThat(refused.field()).isEqualTo("lines[1]"));
        for (String text : new String[] {"a\uD800b", "\uDC00", "\uDC00\uD800", "end\uD83D"}) {
            assertThat(WellFormedText.problemOf(text)).as(text).contains("half of a surrogate pair");
        }
        assertThat(WellFormedText.problemOf("\u0007")).contains("control characters");
    }
}
