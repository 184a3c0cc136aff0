package io.cryptotalks.users;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.users.registration.AccountConfirmedHandler;
import io.cryptotalks.users.registration.SignedUpHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the users-service applies from the topics it consumes (users-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class UsersEvents {

    @Bean
    EventHandlers eventHandlers(SignedUpHandler signedUp, AccountConfirmedHandler accountConfirmed) {
        return EventHandlers.builder()
                .on(UserSignedUp.class, signedUp)
                .on(UserAccountConfirmed.class, accountConfirmed)
                .build();
    }
}
