package io.cryptotalks.users.photos;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.ProfilePhotoChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gateway stored the new photo; {@code users.photo_key} points at it from now on, and the previous object is
 * deleted after commit (unless it is the current photo).
 */
@Component
public class ProfilePhotoChangedHandler implements EventHandler<ProfilePhotoChanged> {

    private final JdbcClient jdbc;
    private final PhotoStorage storage;
    private final ActionLogWriter actionLog;

    ProfilePhotoChangedHandler(JdbcClient jdbc, PhotoStorage storage, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(ProfilePhotoChanged event, EventEnvelope envelope) {
        jdbc.sql("update users set photo_key = :key, updated_at = now() where id = :userId")
                .param("key", event.photoKey())
                .param("userId", event.userId())
                .update();
        String previous = event.previousPhotoKey();
        if (previous != null
                && !previous.isBlank()
                && !previous.equals(event.photoKey())
                && previous.startsWith(PhotoStorage.PREFIX + event.userId() + "/")) {
            storage.deleteAfterCommit(previous);
        }
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SETTINGS",
                "User " + event.userId() + " has successfully changed the profile photo.",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
