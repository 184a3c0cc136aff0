package io.cryptotalks.gateway.account;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account columns of {@code user_settings} the gateway reads and writes synchronously (users-service/README.md):
 * a missing row (the users-service not caught up yet) reads as the defaults, writes upsert.
 */
@Repository
class AccountSettings {

    private final JdbcClient jdbc;

    AccountSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings of(UUID userId) {
        return jdbc.sql("""
                        select public_email, email_changed, password_changed, phone, two_fa_token is not null as two_fa
                        from user_settings where user_id = :userId
                        """)
                .param("userId", userId)
                .query(Settings.class)
                .optional()
                .orElse(new Settings(false, false, null, null, false));
    }

    void passwordChangedNow(UUID userId) {
        upsert(userId, "password_changed = now()");
    }

    void emailChanged(UUID userId) {
        upsert(userId, "email_changed = true");
    }

    private void upsert(UUID userId, String assignment) {
        jdbc.sql("insert into user_settings (id, user_id) values (:id, :userId) on conflict (user_id) do nothing")
                .param("id", UUID.randomUUID())
                .param("userId", userId)
                .update();
        jdbc.sql("update user_settings set " + assignment + ", updated_at = now() where user_id = :userId")
                .param("userId", userId)
                .update();
    }

    record Settings(
            boolean publicEmail, boolean emailChanged, OffsetDateTime passwordChanged, String phone, boolean twoFa) {}
}
