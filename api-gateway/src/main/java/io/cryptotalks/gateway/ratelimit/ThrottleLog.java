package io.cryptotalks.gateway.ratelimit;

import io.cryptotalks.common.events.sessions.RequestsThrottled;
import io.cryptotalks.common.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts refusals in the action log ({@link RequestsThrottled}), at most once a minute per limit and subject so that an
 * attack does not flood the outbox. This memory only thins the log; it decides nothing.
 */
@Component
class ThrottleLog {

    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ThrottleLog(OutboxWriter outbox, PlatformTransactionManager transactionManager, Clock clock) {
        this.outbox = outbox;
        // its own transaction: the request that was refused rolls its own back
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void record(Limit limit, UUID subject) {
        String who = subject == null ? "anonymous" : subject.toString();
        Instant now = clock.instant();
        Instant previous = lastLogged.get(limit + who);
        if (previous != null && previous.plus(QUIET).isAfter(now)) {
            return;
        }
        if (lastLogged.size() > MAX_REMEMBERED) {
            lastLogged.clear();
        }
        lastLogged.put(limit + who, now);
        transactions.executeWithoutResult(status -> outbox.append(new RequestsThrottled(limit.id(), who)));
    }
}
