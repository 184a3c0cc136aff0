package io.cryptotalks.users.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.users.UsersFixtures;
import io.cryptotalks.users.UsersServiceApplication;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Without provider keys and without DEV_MAILBOX=true nothing is sent, nothing lands in the dev mailbox, and the log says so. */
@SpringBootTest(
        classes = UsersServiceApplication.class,
        properties = {
            UsersServiceApplication.CONFIG_NAME,
            "spring.kafka.listener.auto-startup=false",
            "cryptotalks.dev-mailbox.enabled=false"
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class NoProviderTests {

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anSmsIsFailedAndLoggedWithTheRecipientOnly(CapturedOutput output) {
        String eventId = apply("phone-code-issued");
        UsersFixtures fixtures = new UsersFixtures(jdbc);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.outgoing(eventId).orElseThrow().failed());
        assertThat(fixtures.outgoing(eventId).orElseThrow()).satisfies(row -> {
            assertThat(row.sent()).isFalse();
            assertThat(row.body()).isEmpty();
            assertThat(row.lastError()).isEqualTo("not sent: no provider configured");
        });
        assertThat(fixtures.mailbox(eventId)).isEmpty();
        assertThat(output.getAll())
                .contains("sms to +48123456789 not sent: no provider configured")
                .doesNotContain("493027");
    }

    @Test
    void anEmailIsFailedWithoutLeakingItsLink(CapturedOutput output) {
        String eventId = apply("password-reset-requested");
        UsersFixtures fixtures = new UsersFixtures(jdbc);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.outgoing(eventId).orElseThrow().failed());
        assertThat(fixtures.outgoing(eventId).orElseThrow().links()).isEmpty();
        assertThat(fixtures.mailbox(eventId)).isEmpty();
        assertThat(output.getAll())
                .contains("email to john.doe@gmail.com not sent: no provider configured")
                .doesNotContain("reset-password/");
    }

    private String apply(String type) {
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.USERS, type, UUID.randomUUID());
        inbound.accept(record);
        return json.read(record.value()).eventId().toString();
    }
}
