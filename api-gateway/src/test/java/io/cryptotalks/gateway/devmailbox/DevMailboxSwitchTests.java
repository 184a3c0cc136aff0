package io.cryptotalks.gateway.devmailbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev mailbox route exists only while no email provider is configured; otherwise /api/dev/mailbox is a 404. */
class DevMailboxSwitchTests {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource()))
            .withUserConfiguration(DevMailboxController.class);

    @Test
    void servedWithoutAProviderKey() {
        gateway.run(context -> assertThat(context).hasSingleBean(DevMailboxController.class));
        gateway.withPropertyValues("SENDGRID_API_KEY=  ")
                .run(context -> assertThat(context).hasSingleBean(DevMailboxController.class));
    }

    @Test
    void goneOnceSendGridIsConfigured() {
        gateway.withPropertyValues("SENDGRID_API_KEY=SG.key-with-quotes'\"")
                .run(context -> assertThat(context).doesNotHaveBean(DevMailboxController.class));
    }
}
