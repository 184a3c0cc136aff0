package io.cryptotalks.gateway.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id (OWASP's minimum: 19 MiB, 2 iterations, parallelism 1) for every new hash; the original's {@code $2a$10$}
 * bcrypt hashes still verify and {@link #needsUpgrade} says to re-hash them after a successful sign-in. Every hash runs
 * in a {@link HashingSlots} slot, so a crowd of sign-ins queues instead of slowing every request down together. An
 * unknown email costs the same time as a wrong password.
 */
@Component
public class Passwords {

    private static final String ARGON2ID = "$argon2id$";

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final HashingSlots slots;
    private final String unknownUserHash;

    Passwords(HashingSlots slots) {
        this.slots = slots;
        this.unknownUserHash = argon2.encode("no account has this password");
    }

    public String hash(String password) {
        return slots.run(() -> argon2.encode(password));
    }

    public boolean matches(String password, String hash) {
        return slots.run(
                () -> hash.startsWith(ARGON2ID) ? argon2.matches(password, hash) : bcryptMatches(password, hash));
    }

    public boolean needsUpgrade(String hash) {
        return !hash.startsWith(ARGON2ID);
    }

    /** Spends a comparison's worth of time when there is no account to compare against. */
    public void compareWithNoAccount(String password) {
        matches(password, unknownUserHash);
    }

    /** bcrypt reads at most 72 bytes; a longer password cannot be one of the original's, so it simply does not match. */
    private boolean bcryptMatches(String password, String hash) {
        try {
            return bcrypt.matches(password, hash);
        } catch (IllegalArgumentException tooLongForBcrypt) {
            return false;
        }
    }
}
