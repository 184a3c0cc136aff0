package io.cryptotalks.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReferencesTests {

    @Test
    void cashtagsAreCapitalSymbolsNotAmounts() {
        assertThat(TextReferences.cashtagSymbols(List.of(
                        "$BTC and $ETH, ($SOL) $1INCH. $BTC again",
                        "costs $5 or $100 or US$5 or US$ETH, $btc, $Btc, a$BTC, $$BTC, $BTC_x, $TOOLONGSYMBOL1")))
                .containsExactly("BTC", "ETH", "SOL", "1INCH");
        assertThat(TextReferences.cashtagSymbols(java.util.Arrays.asList(null, "$X $XY")))
                .containsExactly("XY");
    }

    @Test
    void mentionsAreUsernamesNotAddresses() {
        assertThat(TextReferences.mentionedNames(List.of("thanks @Alice. and @bob-, mail me@example.com, @ab")))
                .containsExactly("alice.", "alice", "bob-", "bob");
    }
}
