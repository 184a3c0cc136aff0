package io.cryptotalks.gateway.secondfactor;

import io.cryptotalks.common.events.users.PhoneCodeIssued;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS codes: six digits from a CSPRNG, stored as a SHA-256 digest in {@code phone_codes} before the response (so a
 * code typed at once is found), valid 5 minutes, single use, at most 5 tries. The text itself is sent by the
 * users-service on {@link PhoneCodeIssued}, after its commit.
 */
@Component
public class PhoneCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final RateLimits limits;
    private final Clock clock;

    PhoneCodes(JdbcClient jdbc, OutboxWriter outbox, RateLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.limits = limits;
        this.clock = clock;
    }

    /** Texts a new code to {@code phone}; limited per user and per number, so nobody is pumped with messages. */
    @Transactional
    public void send(UUID userId, String phone, Purpose purpose) {
        limits.consume(Limit.SMS, "user:" + userId, userId);
        limits.consume(Limit.SMS, "phone:" + phone, userId);
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                        insert into phone_codes (id, user_id, purpose, phone, code_hash, expires_at)
                        values (:id, :userId, :purpose, :phone, :hash, :expiresAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("userId", userId)
                .param("purpose", purpose.name())
                .param("phone", phone)
                .param("hash", TokenDigest.sha256Hex(code))
                .param("expiresAt", Timestamp.from(clock.instant().plus(LIFETIME)))
                .update();
        outbox.append(new PhoneCodeIssued(userId, phone, code, purpose.name()));
    }

    /**
     * Uses the newest live code of this user and purpose: right → consumed, wrong → one attempt spent. The phone it
     * was sent to is returned, so set-phone stores exactly the number that received the code. Its own transaction:
     * a spent attempt stays spent when the caller then fails the request.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> use(UUID userId, Purpose purpose, String code) {
        var latest = jdbc.sql("""
                        select id, phone, code_hash from phone_codes
                        where user_id = :userId and purpose = :purpose and used_at is null
                          and expires_at > now() and attempts < :maxAttempts
                        order by created_at desc limit 1 for update
                        """)
                .param("userId", userId)
                .param("purpose", purpose.name())
                .param("maxAttempts", MAX_ATTEMPTS)
                .query(IssuedCode.class)
                .optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        IssuedCode issued = latest.get();
        boolean right = code != null
                && MessageDigest.isEqual(
                        TokenDigest.sha256Hex(code.trim()).getBytes(StandardCharsets.US_ASCII),
                        issued.codeHash().getBytes(StandardCharsets.US_ASCII));
        jdbc.sql(
                        right
                                ? "update phone_codes set used_at = now() where id = :id"
                                : "update phone_codes set attempts = attempts + 1 where id = :id")
                .param("id", issued.id())
                .update();
        return right ? Optional.of(issued.phone()) : Optional.empty();
    }

    record IssuedCode(UUID id, String phone, String codeHash) {}
}
