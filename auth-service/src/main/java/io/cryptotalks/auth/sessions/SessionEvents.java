package io.cryptotalks.auth.sessions;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

/** What the auth-service consumes: the sessions topic, each event written to the auth action log. */
@Configuration(proxyBeanMethods = false)
class SessionEvents {

    static final String GROUP = "auth-service";

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

    @Bean
    SessionsTopicListener sessionsTopicListener(InboundEvents inbound) {
        return new SessionsTopicListener(inbound);
    }

    static class SessionsTopicListener {

        private final InboundEvents inbound;

        SessionsTopicListener(InboundEvents inbound) {
            this.inbound = inbound;
        }

        @KafkaListener(topics = Topics.SESSIONS, groupId = GROUP)
        void on(ConsumerRecord<String, String> record) {
            inbound.accept(record);
        }
    }
}
