package io.cryptotalks.gateway.secondfactor;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second-factor columns of {@code user_settings}, written synchronously by the gateway (users-service/README.md):
 * the next sign-in must see a factor the moment it is set. The row may not exist yet when the users-service is behind,
 * so reads default and writes upsert.
 */
@Repository
class SecuritySettings {

    private final JdbcClient jdbc;

    SecuritySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Factors of(UUID userId) {
        return jdbc.sql("select two_fa_token, two_fa_pending, phone from user_settings where user_id = :userId")
                .param("userId", userId)
                .query(Factors.class)
                .optional()
                .orElse(new Factors(null, null, null));
    }

    void setPendingSecret(UUID userId, String sealedSecret) {
        upsert(userId, "two_fa_pending = :value", sealedSecret);
    }

    /** Moves the pending secret into place; false when another request changed the factors meanwhile. */
    boolean enableTotp(UUID userId, String sealedSecret, long acceptedStep) {
        return jdbc.sql("""
                        update user_settings set two_fa_token = two_fa_pending, two_fa_pending = null,
                                                 two_fa_last_step = :step, updated_at = now()
                        where user_id = :userId and two_fa_pending = :sealed and two_fa_token is null and phone is null
                        """)
                        .param("userId", userId)
                        .param("sealed", sealedSecret)
                        .param("step", acceptedStep)
                        .update()
                == 1;
    }

    void disableTotp(UUID userId) {
        upsert(userId, "two_fa_token = null, two_fa_pending = null, two_fa_last_step = null", null);
    }

    void setPhone(UUID userId, String phone) {
        upsert(userId, "phone = :value", phone);
    }

    /** Accepts a TOTP step once: false when this step (or a later one) was used before — a replayed code. */
    boolean acceptStep(UUID userId, long step) {
        return jdbc.sql("""
                        update user_settings set two_fa_last_step = :step, updated_at = now()
                        where user_id = :userId and (two_fa_last_step is null or two_fa_last_step < :step)
                        """).param("userId", userId).param("step", step).update() == 1;
    }

    private void upsert(UUID userId, String assignments, String value) {
        jdbc.sql("insert into user_settings (id, user_id) values (:id, :userId) on conflict (user_id) do nothing")
                .param("id", UUID.randomUUID())
                .param("userId", userId)
                .update();
        jdbc.sql("update user_settings set " + assignments + ", updated_at = now() where user_id = :userId")
                .param("userId", userId)
                .param("value", value)
                .update();
    }

    /** {@code twoFaToken} and {@code twoFaPending} are sealed by {@link SecretBox}. */
    record Factors(String twoFaToken, String twoFaPending, String phone) {

        boolean hasTotp() {
            return twoFaToken != null;
        }

        boolean hasPhone() {
            return phone != null;
        }

        boolean any() {
            return hasTotp() || hasPhone();
        }
    }
}
