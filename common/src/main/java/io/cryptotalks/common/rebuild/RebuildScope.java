package io.cryptotalks.common.rebuild;

import io.cryptotalks.common.consumer.ConsumedTopics;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * What a rebuild of one worker touches. The Kafka side comes from the worker's own settings (its consumer group is
 * {@code spring.application.name}, its topics {@code cryptotalks.messaging.consumes}); the database side is the
 * worker's declared scope, {@code rebuild/<service>.sql} in its resources: the projection tables it truncates, the
 * columns it resets and the processed-event rows it deletes so those events apply again. A worker without that file
 * is not rebuildable (its README says why).
 *
 * @param group                the worker's consumer group
 * @param topics               the topics it consumes, replayed from their earliest offsets
 * @param processedEventsTable its idempotent consumer's table (for the figures)
 * @param script               the scope, run in one transaction
 */
public record RebuildScope(String group, List<String> topics, String processedEventsTable, Resource script) {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+");

    public RebuildScope {
        topics = List.copyOf(topics);
        if (!TABLE_NAME.matcher(processedEventsTable).matches()) {
            throw new IllegalArgumentException("not a table name: " + processedEventsTable);
        }
    }

    /** The scope of the worker whose settings {@code environment} holds. */
    public static RebuildScope of(Environment environment) {
        String service = environment.getRequiredProperty("spring.application.name");
        List<String> topics = ConsumedTopics.of(environment);
        Resource script = new ClassPathResource(scriptOf(service));
        if (!script.exists()) {
            throw new IllegalStateException(service + " declares no rebuild scope (" + scriptOf(service)
                    + "): its tables are not a projection of the log alone; its README says why");
        }
        return new RebuildScope(
                service,
                topics,
                environment.getRequiredProperty("cryptotalks.messaging.processed-events-table"),
                script);
    }

    static String scriptOf(String service) {
        return "rebuild/" + service + ".sql";
    }
}
