package io.cryptotalks.common.events;

import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.events.users.UserSignedUp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the system. A new event is added here, and the contract tests then cover it. */
public final class EventCatalog {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            UserSignedUp.class,
            UserAccountConfirmed.class,
            UserSignedIn.class,
            SignInRefused.class,
            SessionRefreshed.class,
            UserSignedOut.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(type -> typeOf(type).name(), Function.identity()));

    private EventCatalog() {
    }

    public static EventType typeOf(Class<? extends DomainEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
