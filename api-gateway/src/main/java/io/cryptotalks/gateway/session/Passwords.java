package io.cryptotalks.gateway.session;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt, cost 10 as in the original, so its {@code $2a$10$} hashes verify. An unknown email costs the same time as
 * a wrong password: both run one bcrypt comparison.
 */
@Component
public class Passwords {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final String unknownUserHash = encoder.encode("no account has this password");

    public String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends a comparison's worth of time when there is no account to compare against. */
    void compareWithNoAccount(String password) {
        encoder.matches(password, unknownUserHash);
    }
}
