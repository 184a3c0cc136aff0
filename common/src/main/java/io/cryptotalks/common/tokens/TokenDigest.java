package io.cryptotalks.common.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How one-time tokens (confirmation links) are stored: only their SHA-256, so a read of the table reveals no usable
 * link. The users-service stores the digest; the gateway looks a presented token up by it.
 */
public final class TokenDigest {

    private TokenDigest() {}

    public static String sha256Hex(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
