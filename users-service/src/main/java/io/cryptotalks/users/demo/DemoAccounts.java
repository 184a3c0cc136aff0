package io.cryptotalks.users.demo;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The original's three demo accounts (contract §3.11), confirmed and with their known passwords, written once into an
 * empty database when {@code DEMO_DATA=true} (the launcher's embedded default), so a newcomer can sign in at once.
 */
@Component
@ConditionalOnProperty(name = "cryptotalks.demo-data", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    /** The seeding's advisory lock: "demousrs" in ASCII. */
    private static final long LOCK = 0x64656d6f75737273L;

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(
                    UUID.fromString("8a08eaf1-c7a8-403b-b1ce-1fef8e34d000"),
                    "JohnDoe",
                    "john.doe@gmail.com",
                    "12qw!@QW",
                    "John",
                    "Doe",
                    true),
            new DemoAccount(
                    UUID.fromString("186f0ff4-1444-4637-9be3-8c0abc168ba2"),
                    "MilyKotek",
                    "jan.kowalski@wp.pl",
                    "34er#$ER",
                    "Jan",
                    "Kowalski",
                    false),
            new DemoAccount(
                    UUID.fromString("77c93fdf-8a06-483c-8d89-2f5c71d029ed"),
                    "TopWiedzmin1337",
                    "geralt@protonmail.com",
                    "56ty%^TY",
                    "Geralt",
                    "of Rivia",
                    false));

    private final JdbcClient jdbc;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

    DemoAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // several instances start at once (./cryptotalks up --replicas 2): one writes, the others then see the rows
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
        if (jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single()) {
            return;
        }
        for (DemoAccount account : ACCOUNTS) {
            jdbc.sql("""
                            insert into users (id, email, password, account_confirm, first_name, last_name, username, tac)
                            values (:id, :email, :password, true, :firstName, :lastName, :username, true)
                            """)
                    .param("id", account.id())
                    .param("email", account.email())
                    .param("password", passwords.encode(account.password()))
                    .param("firstName", account.firstName())
                    .param("lastName", account.lastName())
                    .param("username", account.username())
                    .update();
            jdbc.sql("insert into user_settings (id, user_id, public_email) values (:id, :userId, :publicEmail)")
                    .param("id", UUID.randomUUID())
                    .param("userId", account.id())
                    .param("publicEmail", account.publicEmail())
                    .update();
        }
        log.info(
                "demo accounts created: {}",
                ACCOUNTS.stream().map(DemoAccount::email).toList());
    }

    record DemoAccount(
            UUID id,
            String username,
            String email,
            String password,
            String firstName,
            String lastName,
            boolean publicEmail) {}
}
