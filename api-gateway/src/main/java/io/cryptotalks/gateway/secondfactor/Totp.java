package io.cryptotalks.gateway.secondfactor;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s) through the GoogleAuth library: secrets are made here, never by the client,
 * and a code of the previous, current or next step is accepted (clock skew), reporting which step it was, so the caller
 * can refuse a step it has already accepted.
 */
@Component
class Totp {

    private static final long STEP_MILLIS = 30_000;

    private final GoogleAuthenticator authenticator = new GoogleAuthenticator();
    private final Clock clock;

    Totp(Clock clock) {
        this.clock = clock;
    }

    String newSecret() {
        return authenticator.createCredentials().getKey();
    }

    /** The time step {@code code} belongs to, if it is a code of the secret within ±1 step of now. */
    OptionalLong verify(String secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        int expected = Integer.parseInt(code);
        long now = clock.millis() / STEP_MILLIS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (authenticator.getTotpPassword(secret, step * STEP_MILLIS) == expected) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static String uri(String secret, String accountName) {
        String label = java.net.URLEncoder.encode("Cryptotalks:" + accountName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret
                + "&issuer=Cryptotalks&algorithm=SHA1&digits=6&period=30";
    }

    static Optional<String> blankToEmpty(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(code.trim());
    }
}
