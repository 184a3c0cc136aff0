package io.cryptotalks.gateway.devmailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The dev mailbox is an explicit opt-in: never served because a provider key happens to be missing. */
class DevMailboxSwitchTests {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource()))
            .withUserConfiguration(DevMailboxController.class);

    @Test
    void offByDefaultEvenWithoutAProviderKey() {
        gateway.run(context -> assertThat(context).doesNotHaveBean(DevMailboxController.class));
        gateway.withPropertyValues("SENDGRID_API_KEY=")
                .run(context -> assertThat(context).doesNotHaveBean(DevMailboxController.class));
        gateway.withPropertyValues("cryptotalks.dev-mailbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DevMailboxController.class));
    }

    @Test
    void servedOnlyWhenSwitchedOn() {
        gateway.withPropertyValues("cryptotalks.dev-mailbox.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DevMailboxController.class));
    }
}
