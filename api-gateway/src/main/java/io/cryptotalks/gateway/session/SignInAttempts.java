package io.cryptotalks.gateway.session;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per email and per client address in a sliding window; past the limit, sign-in answers 429 without
 * checking the password. Kept in memory: one gateway instance (see the README's known limits).
 */
@Component
class SignInAttempts {

    static final int MAX_FAILURES_PER_EMAIL = 5;
    static final int MAX_FAILURES_PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String email, String client) {
        return recent(emailKey(email)) >= MAX_FAILURES_PER_EMAIL || recent(clientKey(client)) >= MAX_FAILURES_PER_CLIENT;
    }

    void failed(String email, String client) {
        record(emailKey(email));
        record(clientKey(client));
    }

    void succeeded(String email) {
        failures.remove(emailKey(email));
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant cutoff = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private static String emailKey(String email) {
        return "email:" + email.trim().toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
