package io.cryptotalks.common.events.users;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** The user saved their profile; every field is the new value, an empty string for an empty field. */
@EventType(name = "user-profile-updated", topic = Topics.USERS)
public record UserProfileUpdated(
        UUID userId,
        String username,
        String firstName,
        String lastName,
        String twitter,
        String linkedIn,
        String personalWebsite,
        String title,
        String bio,
        boolean publicEmail)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
