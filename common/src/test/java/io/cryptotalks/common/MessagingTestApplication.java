package io.cryptotalks.common;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.users.UserSignedUp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A worker in miniature: applies {@link UserSignedUp} (and refuses the username "poison", and "fixable" until fixed), and reads the dead letters. */
@SpringBootApplication
class MessagingTestApplication {

    static final List<UserSignedUp> applied = new CopyOnWriteArrayList<>();
    static final List<String> deadLetters = new CopyOnWriteArrayList<>();
    /** Until a "fix" clears it, events for the username "fixable" fail like a bug would. */
    static volatile boolean fixableStillBroken = true;

    @Bean
    EventHandlers eventHandlers() {
        return EventHandlers.builder()
                .on(UserSignedUp.class, (event, envelope) -> {
                    if ("poison".equals(event.username())
                            || ("fixable".equals(event.username()) && fixableStillBroken)) {
                        throw new IllegalStateException("this handler cannot apply " + event.username());
                    }
                    applied.add(event);
                })
                .build();
    }

    @Component
    static class Listeners {

        @KafkaListener(topics = Topics.USERS + ".dlt", groupId = "common-tests-dlt")
        void onDeadLetter(ConsumerRecord<String, String> record) {
            deadLetters.add(record.value());
        }
    }
}
