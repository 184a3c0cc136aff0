package io.cryptotalks.common.actionlog;

import java.time.Instant;
import java.util.UUID;

/**
 * One document of the {@code informationlogs} collection, in the original's shape ({@code event, message, status,
 * timestamp}) plus the id of the event that caused it, which is also the document id so a redelivery writes nothing new.
 */
public record ActionLog(UUID eventId, String event, String status, String message, String userId, Instant timestamp) {

    public static ActionLog success(UUID eventId, String event, String message, String userId, Instant timestamp) {
        return new ActionLog(eventId, event, "SUCCESS", message, userId, timestamp);
    }

    public static ActionLog error(UUID eventId, String event, String message, String userId, Instant timestamp) {
        return new ActionLog(eventId, event, "ERROR", message, userId, timestamp);
    }
}
