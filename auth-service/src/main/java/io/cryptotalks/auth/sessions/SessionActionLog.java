package io.cryptotalks.auth.sessions;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.sessions.RefreshTokenReused;
import io.cryptotalks.common.events.sessions.RequestsThrottled;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import org.springframework.stereotype.Component;

/** The auth action log of the sessions topic: one document per event (the gateway already changed the sessions). */
@Component
public class SessionActionLog {

    private final ActionLogWriter log;

    SessionActionLog(ActionLogWriter log) {
        this.log = log;
    }

    public EventHandler<UserSignedIn> signedIn() {
        return (event, envelope) -> log.write(ActionLog.success(
                envelope.eventId(),
                "SIGN_IN",
                "User " + event.userId() + " has successfully logged in.",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    public EventHandler<SignInRefused> signInRefused() {
        return (event, envelope) -> log.write(ActionLog.error(
                envelope.eventId(),
                "SIGN_IN",
                SignInRefusal.message(event.userId(), event.reason()),
                event.userId().toString(),
                envelope.occurredAt()));
    }

    public EventHandler<SessionRefreshed> refreshed() {
        return (event, envelope) -> log.write(ActionLog.success(
                envelope.eventId(),
                "SESSION",
                "User " + event.userId() + " refreshed session " + event.sessionId() + ".",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    public EventHandler<RefreshTokenReused> refreshTokenReused() {
        return (event, envelope) -> log.write(ActionLog.error(
                envelope.eventId(),
                "SESSION",
                "A refresh token of session " + event.sessionId() + " of user " + event.userId()
                        + " was used again after it had been rotated: the session was revoked.",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    public EventHandler<UserSignedOut> signedOut() {
        return (event, envelope) -> log.write(ActionLog.success(
                envelope.eventId(),
                "SESSION",
                "User " + event.userId() + " signed out of session " + event.sessionId() + ".",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    public EventHandler<RequestsThrottled> throttled() {
        return (event, envelope) -> {
            boolean anonymous = event.subject() == null || "anonymous".equals(event.subject());
            log.write(ActionLog.error(
                    envelope.eventId(),
                    "RATE_LIMIT",
                    "Requests to " + event.limit() + " by "
                            + (anonymous ? "an anonymous client" : "user " + event.subject())
                            + " were refused: too many requests.",
                    anonymous ? null : event.subject(),
                    envelope.occurredAt()));
        };
    }
}
