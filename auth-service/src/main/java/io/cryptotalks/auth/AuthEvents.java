package io.cryptotalks.auth;

import io.cryptotalks.auth.closing.ClosedAccountSessions;
import io.cryptotalks.auth.sessions.SessionActionLog;
import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.sessions.RefreshTokenReused;
import io.cryptotalks.common.events.sessions.RequestsThrottled;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import io.cryptotalks.common.events.users.UserAccountClosed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auth-service applies from the topics it consumes (auth-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class AuthEvents {

    @Bean
    EventHandlers eventHandlers(SessionActionLog sessions, ClosedAccountSessions closedAccount) {
        return EventHandlers.builder()
                .on(UserSignedIn.class, sessions.signedIn())
                .on(SignInRefused.class, sessions.signInRefused())
                .on(SessionRefreshed.class, sessions.refreshed())
                .on(RefreshTokenReused.class, sessions.refreshTokenReused())
                .on(UserSignedOut.class, sessions.signedOut())
                .on(RequestsThrottled.class, sessions.throttled())
                .on(UserAccountClosed.class, closedAccount)
                .build();
    }
}
