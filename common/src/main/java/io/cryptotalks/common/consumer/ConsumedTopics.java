package io.cryptotalks.common.consumer;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** The topics a worker consumes: {@code cryptotalks.messaging.consumes}, comma-separated. */
public final class ConsumedTopics {

    public static final String PROPERTY = "cryptotalks.messaging.consumes";

    private ConsumedTopics() {}

    /** None when the property is unset or blank. */
    public static List<String> of(Environment environment) {
        return Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .toList();
    }
}
