package io.cryptotalks.gateway.ratelimit;

import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.gateway.web.ApiError;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every gateway instance (Bucket4j on PostgreSQL, table {@code rate_limit_buckets}). Keys are
 * stored as SHA-256 digests: no email or address sits in the table. A refusal is a 429 with {@code Retry-After}.
 */
@Component
public class RateLimits {

    private final ProxyManager<String> buckets;
    private final ThrottleLog throttleLog;
    private final JdbcClient jdbc;
    private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);

    RateLimits(ProxyManager<String> buckets, ThrottleLog throttleLog, JdbcClient jdbc) {
        this.buckets = buckets;
        this.throttleLog = throttleLog;
        this.jdbc = jdbc;
        for (Limit limit : Limit.values()) {
            configurations.put(
                    limit,
                    BucketConfiguration.builder()
                            .addLimit(bandwidth ->
                                    bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                            .build());
        }
    }

    /** Takes one token, or refuses with 429 when there is none. {@code subject}: the user, if known, for the log. */
    public void consume(Limit limit, String key, UUID subject) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(limit, subject, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Every email a request causes: per client, per address and client, per address. */
    public void mail(String recipient, String client, UUID subject) {
        consume(Limit.MAIL_CLIENT, client, subject);
        consume(Limit.MAIL_RECIPIENT_CLIENT, recipient + "|" + client, subject);
        consume(Limit.MAIL_RECIPIENT, recipient, subject);
    }

    /** Refuses with 429 when the bucket is empty, without taking a token (limits that count failures only). */
    public void check(Limit limit, String key, UUID subject) {
        if (neverUsed(limit, key)) {
            return;
        }
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw refusal(limit, subject, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Whether the bucket is empty, without refusing anything. */
    public boolean exhausted(Limit limit, String key) {
        return !neverUsed(limit, key)
                && !bucket(limit, key).estimateAbilityToConsume(1).canBeConsumed();
    }

    /** Whether the bucket is full: nothing was counted against this key lately. */
    public boolean untouched(Limit limit, String key) {
        return neverUsed(limit, key)
                || bucket(limit, key).estimateAbilityToConsume(limit.capacity()).canBeConsumed();
    }

    /** Counts a failure: takes a token if one is left. */
    public void recordFailure(Limit limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    /** A 429 telling when this key's bucket will have a token again. */
    public RuntimeException refusal(Limit limit, String key, UUID subject) {
        return refusal(
                limit,
                subject,
                Duration.ofNanos(bucket(limit, key).estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private RuntimeException refusal(Limit limit, UUID subject, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        throttleLog.record(limit, subject);
        return ApiError.TOO_MANY_REQUESTS.exception(
                "Too many attempts, try again in " + seconds + " seconds", Duration.ofSeconds(seconds));
    }

    /**
     * A bucket gets its row when a token is first taken, and loses it once refilled and expired: no row is a full
     * bucket. Checking that is a plain index read, so the checks every sign-in makes lock nothing until a key has
     * failed, and one busy account does not queue its sign-ins behind a row lock.
     */
    private boolean neverUsed(Limit limit, String key) {
        return jdbc.sql("select not exists (select 1 from rate_limit_buckets where id = :id)")
                .param("id", id(limit, key))
                .query(Boolean.class)
                .single();
    }

    private BucketProxy bucket(Limit limit, String key) {
        return buckets.getProxy(id(limit, key), () -> configurations.get(limit));
    }

    private static String id(Limit limit, String key) {
        return limit.id() + ":" + TokenDigest.sha256Hex(key.trim().toLowerCase(Locale.ROOT));
    }
}
