package io.cryptotalks.posts;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.posts.closing.ClosedAccountContent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the posts-service applies from the topics it consumes (posts-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class PostsEvents {

    @Bean
    EventHandlers eventHandlers(ClosedAccountContent closedAccount) {
        return EventHandlers.builder()
                .on(UserAccountClosed.class, closedAccount)
                .build();
    }
}
