package io.cryptotalks.users;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.devstack.DevStackInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The users-service applies the recorded producer JSON of every event type it consumes. */
@SpringBootTest(classes = UsersServiceApplication.class, properties = {UsersServiceApplication.CONFIG_NAME,
        "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    @Autowired InboundEvents inbound;
    @Autowired JdbcClient jdbc;

    @Test
    void appliesTheRecordedUserSignedUp() {
        UUID userId = UUID.randomUUID();

        inbound.accept(RecordedEvents.record(Topics.USERS, "user-signed-up", userId));

        assertThat(jdbc.sql("select public_email from user_settings where user_id = ?").param(userId)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from confirmation_hashes where user_id = ? and confirmation_type = 'REGISTRATION'")
                .param(userId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void appliesTheRecordedUserAccountConfirmed() {
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, password, username, tac) values (?, ?, 'x', ?, true)")
                .params(userId, userId + "@example.com", "u" + userId.toString().substring(0, 8)).update();

        try {
            inbound.accept(RecordedEvents.record(Topics.USERS, "user-account-confirmed", userId));

            assertThat(jdbc.sql("select account_confirm from users where id = ?").param(userId)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            // demo accounts are only created in an empty users table (DemoAccountsTests)
            jdbc.sql("delete from users where id = ?").param(userId).update();
        }
    }
}
