package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A new profile photo is stored at {@code photoKey} in the photo bucket; {@code previousPhotoKey} (empty when none) is to be deleted. */
@EventType(name = "profile-photo-changed", topic = Topics.USERS)
public record ProfilePhotoChanged(UUID userId, String photoKey, String previousPhotoKey) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
