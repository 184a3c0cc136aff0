package io.cryptotalks.gateway.security;

import io.cryptotalks.gateway.web.ApiError;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most one password hash per core at a time; the rest wait in arrival order (a fair semaphore), so latency grows
 * with the queue, not with the crowd. A request that would wait longer than {@code max-wait} is shed at once with 503
 * and {@code Retry-After} rather than holding its connection. A caller may take a slot for a whole sign-in (its
 * database reads and writes too): the hashes inside reuse it, and a crowd then queues here in order instead of
 * barging for database connections while the cores hash.
 */
@Component
public class HashingSlots {

    private final Semaphore slots;
    private final Duration maxWait;

    HashingSlots(
            @Value("${cryptotalks.passwords.concurrent-hashes:0}") int concurrentHashes,
            @Value("${cryptotalks.passwords.max-wait:10s}") Duration maxWait) {
        int permits =
                concurrentHashes > 0 ? concurrentHashes : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    public <T> T run(Supplier<T> hashing) {
        if (holding.get()) {
            return hashing.get();
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.SERVER_BUSY.exception(
                    "Interrupted while waiting to check the password", Duration.ofSeconds(1));
        }
        if (!acquired) {
            throw ApiError.SERVER_BUSY.exception(
                    "Too many sign-ins at once; try again in a moment", Duration.ofSeconds(2));
        }
        holding.set(true);
        try {
            return hashing.get();
        } finally {
            holding.set(false);
            slots.release();
        }
    }
}
