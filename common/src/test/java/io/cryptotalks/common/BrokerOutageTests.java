package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.devstack.DevStack;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** A stopped broker loses nothing: the change commits, the event waits in the outbox, and arrives once Kafka is back. */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class BrokerOutageTests {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItIsBack() throws Exception {
        DevStack infrastructure = DevStack.shared();
        UUID userId = UUID.randomUUID();
        infrastructure.stopKafka();
        EventEnvelope written;
        try {
            written = transactions.execute(
                    status -> outbox.append(new UserSignedUp(userId, "outage@example.com", "outage", false)));
            // the relay keeps failing while the broker is away; the row stays unpublished
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unpublished(written) == 1);
        } finally {
            infrastructure.startKafka();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> MessagingTestApplication.applied.stream()
                        .anyMatch(e -> e.userId().equals(userId)));
        assertThat(unpublished(written)).isZero();
        assertThat(MessagingTestApplication.applied.stream()
                        .filter(e -> e.userId().equals(userId)))
                .hasSize(1);
    }

    private long unpublished(EventEnvelope envelope) {
        return jdbc.sql("select count(*) from outbox where event_id = ? and published_at is null")
                .param(envelope.eventId())
                .query(Long.class)
                .single();
    }
}
