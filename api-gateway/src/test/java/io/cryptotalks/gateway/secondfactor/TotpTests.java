package io.cryptotalks.gateway.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** RFC 6238 codes within ±1 step, reporting the step; secrets sealed at rest. */
class TotpTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:10Z");
    private final Totp totp = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));
    private final String secret = totp.newSecret();

    @Test
    void acceptsThePreviousCurrentAndNextStepAndSaysWhichItWas() {
        long step = NOW.toEpochMilli() / 30_000;
        for (int offset = -1; offset <= 1; offset++) {
            assertThat(totp.verify(secret, code(NOW.toEpochMilli() + offset * 30_000L)))
                    .hasValue(step + offset);
        }
    }

    @Test
    void refusesCodesFurtherAwayAndGarbage() {
        assertThat(totp.verify(secret, code(NOW.toEpochMilli() + 60_000))).isEmpty();
        assertThat(totp.verify(secret, code(NOW.toEpochMilli() - 60_000))).isEmpty();
        assertThat(totp.verify(secret, "12345")).isEmpty();
        assertThat(totp.verify(secret, "abcdef")).isEmpty();
        assertThat(totp.verify(secret, null)).isEmpty();
    }

    @Test
    void theOtpauthUriNamesTheAccountAndTheIssuer() {
        assertThat(Totp.uri("JBSWY3DPEHPK3PXP", "ada lovelace@example.com"))
                .isEqualTo("otpauth://totp/Cryptotalks%3Aada%20lovelace%40example.com?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Cryptotalks&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void sealedSecretsOpenOnlyWithTheirKeyAndNeverShowThePlainText() throws Exception {
        SecretBox box = new SecretBox(new EncryptionProperties("a-key-of-at-least-thirty-two-bytes-0123456789"));
        String sealed = box.seal(secret);

        assertThat(sealed).startsWith("v1:").doesNotContain(secret).isNotEqualTo(box.seal(secret));
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> new SecretBox(new EncryptionProperties("another-key-of-at-least-thirty-two-bytes-012"))
                        .open(sealed))
                .isInstanceOf(IllegalStateException.class);
        // a short, missing or placeholder ENCRYPTION_KEY stops the start: SettingsValidationTests
    }

    private String code(long millis) {
        return String.format("%06d", new GoogleAuthenticator().getTotpPassword(secret, millis));
    }
}
