package io.cryptotalks.gateway.notifications;

import io.cryptotalks.gateway.live.LiveStream;
import io.cryptotalks.gateway.live.LiveStreams;
import io.cryptotalks.gateway.live.LiveStreamsLifecycle;
import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.Sessions;
import io.cryptotalks.gateway.web.ApiError;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in users' live notification streams on this gateway instance. A stream's position is the last
 * {@code changed_seq} it was sent (its events' {@code id}); whatever tells it to catch up — a notice from Kafka, the
 * keep-alive's comparison with the table, the connection itself — sends every change after that position from the
 * table, under the stream's lock, so nothing is sent twice or skipped, in whatever order the triggers come.
 */
@Component
class NotificationStreams {

    static final int STREAMS_PER_USER = 5;
    private static final int BATCH = 100;

    private final LiveStreams<UUID> streams;
    private final Notifications notifications;
    private final Sessions sessions;

    NotificationStreams(Notifications notifications, Sessions sessions, LiveStreamsLifecycle lifecycle) {
        this.streams = lifecycle.create(STREAMS_PER_USER);
        this.notifications = notifications;
        this.sessions = sessions;
    }

    /** A new stream: the unread count, and when resuming everything changed after {@code lastEventId}. */
    SseEmitter open(AuthenticatedUser caller, Long lastEventId, Duration lifetime) {
        UUID user = caller.userId();
        LiveStream stream = streams.open(user, caller.sessionId(), lifetime)
                .orElseThrow(() ->
                        ApiError.TOO_MANY_REQUESTS.exception("at most " + STREAMS_PER_USER + " live streams per user"));
        synchronized (stream) {
            if (lastEventId == null) {
                Notifications.Changes now = notifications.changesAfter(user, null, 0);
                send(stream, now);
            } else {
                stream.position(lastEventId);
                catchUp(user, stream);
            }
        }
        return stream.emitter();
    }

    /** The user's notifications changed (a notice from the users-service). */
    void changed(UUID user) {
        streams.of(user).forEach(stream -> catchUp(user, stream));
    }

    boolean follows(UUID user) {
        return !streams.of(user).isEmpty();
    }

    int size() {
        return streams.size();
    }

    /**
     * Keeps the connections, ends those whose session has ended (signed out on any instance) and repairs what lost
     * notices left behind: two queries for all this instance's streams.
     */
    @Scheduled(fixedDelayString = "${cryptotalks.live.keep-alive:20s}")
    void keepAlive() {
        streams.keepAlive();
        if (streams.keys().isEmpty()) {
            return;
        }
        Set<UUID> ended = sessions.ended(streams.all().map(LiveStream::session).collect(Collectors.toSet()));
        streams.all().filter(stream -> ended.contains(stream.session())).forEach(LiveStream::close);
        Map<UUID, Long> last = notifications.lastChanges(streams.keys());
        last.forEach((user, newest) -> streams.of(user).stream()
                .filter(stream -> stream.position() < newest)
                .forEach(stream -> catchUp(user, stream)));
    }

    private void catchUp(UUID user, LiveStream stream) {
        synchronized (stream) {
            Notifications.Changes changes;
            do {
                changes = notifications.changesAfter(user, stream.position(), BATCH);
            } while (send(stream, changes) && changes.rows().size() == BATCH);
        }
    }

    private static boolean send(LiveStream stream, Notifications.Changes changes) {
        for (Notifications.Changed changed : changes.rows()) {
            if (!stream.send(SseEmitter.event()
                    .name("notification")
                    .id(Long.toString(changed.seq()))
                    .data(changed.notification(), MediaType.APPLICATION_JSON))) {
                return false;
            }
        }
        stream.position(changes.position());
        return stream.send(SseEmitter.event()
                .name("unread")
                .id(Long.toString(changes.position()))
                .data(new NotificationResponses.UnreadCount(changes.unread()), MediaType.APPLICATION_JSON));
    }
}
