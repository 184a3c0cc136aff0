package io.cryptotalks.auth.sessions;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auth-service applies from the sessions topic: each event goes to the auth action log. */
@Configuration(proxyBeanMethods = false)
class SessionEvents {

    @Bean
    EventHandlers eventHandlers(ActionLogWriter log) {
        return EventHandlers.builder()
                .on(UserSignedIn.class, (event, envelope) -> log.write(ActionLog.success(envelope.eventId(), "SIGN_IN",
                        "User " + event.userId() + " has successfully logged in.", event.userId().toString(),
                        envelope.occurredAt())))
                .on(SignInRefused.class, (event, envelope) -> log.write(ActionLog.error(envelope.eventId(), "SIGN_IN",
                        "User " + event.userId() + " tried to log in while being unconfirmed.", event.userId().toString(),
                        envelope.occurredAt())))
                .on(SessionRefreshed.class, (event, envelope) -> log.write(ActionLog.success(envelope.eventId(),
                        "SESSION", "User " + event.userId() + " refreshed session " + event.sessionId() + ".",
                        event.userId().toString(), envelope.occurredAt())))
                .on(UserSignedOut.class, (event, envelope) -> log.write(ActionLog.success(envelope.eventId(),
                        "SESSION", "User " + event.userId() + " signed out of session " + event.sessionId() + ".",
                        event.userId().toString(), envelope.occurredAt())))
                .build();
    }
}
