package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.consumer.IdempotentConsumer;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class IdempotentConsumerTests {

    @Autowired
    IdempotentConsumer consumer;

    private final EventEnvelope envelope =
            EventEnvelope.of(new UserSignedUp(UUID.randomUUID(), "a@example.com", "a", false), Clock.systemUTC());

    @Test
    void appliesAnEventOnceHoweverOftenItArrives() {
        AtomicInteger effects = new AtomicInteger();

        assertThat(consumer.apply(envelope, effects::incrementAndGet)).isTrue();
        assertThat(consumer.apply(envelope, effects::incrementAndGet)).isFalse();

        assertThat(effects).hasValue(1);
    }

    @Test
    void aFailedEffectLeavesTheEventUnprocessedSoItCanBeRetried() {
        assertThatThrownBy(() -> consumer.apply(envelope, () -> {
                    throw new IllegalStateException("database said no");
                }))
                .isInstanceOf(IllegalStateException.class);

        AtomicInteger effects = new AtomicInteger();
        assertThat(consumer.apply(envelope, effects::incrementAndGet)).isTrue();
        assertThat(effects).hasValue(1);
    }
}
