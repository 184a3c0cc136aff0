package io.cryptotalks.users.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.devstack.DevStackInitializer;
import io.cryptotalks.users.UsersServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
        classes = UsersServiceApplication.class,
        properties = {
            UsersServiceApplication.CONFIG_NAME,
            "cryptotalks.demo-data=true",
            "spring.kafka.listener.auto-startup=false"
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
class DemoAccountsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theThreeDemoAccountsExistConfirmedWithTheirPasswords() {
        for (DemoAccounts.DemoAccount account : DemoAccounts.ACCOUNTS) {
            var row = jdbc.sql("select username, password, account_confirm from users where lower(email) = lower(?)")
                    .param(account.email())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                    .single();
            assertThat(row[0]).isEqualTo(account.username());
            assertThat(new BCryptPasswordEncoder().matches(account.password(), (String) row[1]))
                    .isTrue();
            assertThat(row[2]).isEqualTo(true);
            assertThat(jdbc.sql("select public_email from user_settings where user_id = ?")
                            .param(account.id())
                            .query(Boolean.class)
                            .single())
                    .isEqualTo(account.publicEmail());
        }
    }
}
