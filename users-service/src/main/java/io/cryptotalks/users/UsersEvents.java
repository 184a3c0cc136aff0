package io.cryptotalks.users;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.users.registration.AccountConfirmedHandler;
import io.cryptotalks.users.registration.SignedUpHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

/** What the users-service consumes: the users topic. */
@Configuration(proxyBeanMethods = false)
class UsersEvents {

    static final String GROUP = "users-service";

    @Bean
    EventHandlers eventHandlers(SignedUpHandler signedUp, AccountConfirmedHandler accountConfirmed) {
        return EventHandlers.builder()
                .on(UserSignedUp.class, signedUp)
                .on(UserAccountConfirmed.class, accountConfirmed)
                .build();
    }

    @Bean
    UsersTopicListener usersTopicListener(InboundEvents inbound) {
        return new UsersTopicListener(inbound);
    }

    static class UsersTopicListener {

        private final InboundEvents inbound;

        UsersTopicListener(InboundEvents inbound) {
            this.inbound = inbound;
        }

        @KafkaListener(topics = Topics.USERS, groupId = GROUP)
        void on(ConsumerRecord<String, String> record) {
            inbound.accept(record);
        }
    }
}
