package io.cryptotalks.users.profile;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserProfileUpdated;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the saved profile: the profile columns of {@code users} (an empty field is stored as null) and
 * {@code user_settings.public_email}. The gateway checked the username, but another user may have taken it since: then
 * the old username stays, the rest is applied and an ERROR action log says so — the event never fails on it, so it
 * cannot block the user's partition.
 */
@Component
public class ProfileUpdatedHandler implements EventHandler<UserProfileUpdated> {

    private static final Logger log = LoggerFactory.getLogger(ProfileUpdatedHandler.class);

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    ProfileUpdatedHandler(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserProfileUpdated event, EventEnvelope envelope) {
        int updated = jdbc.sql("""
                        update users set first_name = :firstName, last_name = :lastName, twitter = :twitter,
                               linked_in = :linkedIn, personal_website = :personalWebsite, title = :title, bio = :bio,
                               updated_at = now()
                        where id = :userId
                        """)
                .param("firstName", orNull(event.firstName()))
                .param("lastName", orNull(event.lastName()))
                .param("twitter", orNull(event.twitter()))
                .param("linkedIn", orNull(event.linkedIn()))
                .param("personalWebsite", orNull(event.personalWebsite()))
                .param("title", orNull(event.title()))
                .param("bio", orNull(event.bio()))
                .param("userId", event.userId())
                .update();
        if (updated == 0) {
            log.info("profile of {} not applied: the account no longer exists", event.userId());
            return;
        }
        jdbc.sql("""
                        insert into user_settings (id, user_id, public_email) values (:id, :userId, :publicEmail)
                        on conflict (user_id) do update set public_email = excluded.public_email, updated_at = now()
                        """)
                .param("id", UUID.randomUUID())
                .param("userId", event.userId())
                .param("publicEmail", event.publicEmail())
                .update();
        if (usernameTaken(event)) {
            actionLog.write(ActionLog.error(
                    envelope.eventId(),
                    "SETTINGS",
                    "User " + event.userId()
                            + " could not take the username " + event.username()
                            + ": another account has it; the old username was kept, the other settings were saved.",
                    event.userId().toString(),
                    envelope.occurredAt()));
            return;
        }
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SETTINGS",
                "User " + event.userId() + " has successfully updated personal settings.",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    /**
     * Sets the username unless another account has it (case-insensitively, like the unique index). Should another
     * account take it between this check and the update, the unique index fails the event, and its retry finds it taken.
     */
    private boolean usernameTaken(UserProfileUpdated event) {
        String username = orNull(event.username());
        if (username == null) {
            return false;
        }
        int updated = jdbc.sql("""
                        update users set username = :username
                        where id = :userId
                          and not exists (select 1 from users other
                                          where lower(other.username) = lower(:username) and other.id <> :userId)
                        """)
                .param("username", username)
                .param("userId", event.userId())
                .update();
        return updated == 0;
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
