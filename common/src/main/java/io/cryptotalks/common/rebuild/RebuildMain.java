package io.cryptotalks.common.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The rebuild as a command, run from the worker's own jar so it reads the worker's settings (the same environment
 * variables, the same {@code <service>.yml}) and its declared scope:
 *
 * <pre>
 * java -cp posts-service.jar -Dloader.main=io.cryptotalks.common.rebuild.RebuildMain \
 *     org.springframework.boot.loader.launch.PropertiesLauncher posts-service scope   # what it touches; no change
 * … stop every instance of the worker …
 * java … posts-service reset
 * … start the worker's instances again …
 * java … posts-service await &lt;the two words after "resume:" that reset printed&gt;
 * </pre>
 *
 * {@code scope} fails when the worker declares none. {@code reset} refuses to run while an instance of the worker is in its consumer group (after 30 s). Exit status 0,
 * or 1 with the reason on standard error.
 */
public final class RebuildMain {

    private static final Duration GROUP_EMPTY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    private RebuildMain() {}

    public static void main(String[] args) {
        boolean known = args.length == 2 && (args[1].equals("scope") || args[1].equals("reset"))
                || args.length == 4 && args[1].equals("await");
        if (!known) {
            System.err.println("usage: RebuildMain SERVICE scope|reset, RebuildMain SERVICE await RESET-AT KEPT");
            System.exit(2);
        }
        try {
            System.out.print(run(args[0], args[1], List.of(args).subList(2, args.length)));
        } catch (RuntimeException e) {
            System.err.println("rebuild of " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * One step of the command.
     *
     * @param settings more settings of the worker, as command-line arguments ({@code --key=value}); the tests' way to
     *                 point it at their infrastructure
     * @return what it prints
     */
    public static String run(String service, String step, List<String> arguments, String... settings) {
        try (ConfigurableApplicationContext context = settingsOf(service, settings)) {
            Environment environment = context.getEnvironment();
            return switch (step) {
                case "scope" -> describe(RebuildScope.of(environment));
                case "reset" -> {
                    Rebuild.Reset reset = rebuildOf(environment).reset(GROUP_EMPTY_TIMEOUT);
                    yield "reset: %d records to re-read, %d processed events deleted (%d of other types kept)%n"
                                    .formatted(reset.recordsToReread(), reset.processedDeleted(), reset.processedKept())
                            + "resume: %s %d%n".formatted(reset.at(), reset.processedKept());
                }
                case "await" -> {
                    Rebuild.Reset reset =
                            new Rebuild.Reset(0, 0, Long.parseLong(arguments.get(1)), Instant.parse(arguments.get(0)));
                    Rebuild.CaughtUp caughtUp = rebuildOf(environment).awaitCaughtUp(reset, CATCH_UP_TIMEOUT);
                    yield "caught up: %d events re-applied, lag 0 after %.1f s%n"
                            .formatted(caughtUp.reapplied(), caughtUp.took().toMillis() / 1000.0);
                }
                default -> throw new IllegalArgumentException("no step " + step + ": scope, reset or await");
            };
        }
    }

    /** The scope in words: the group, its topics and the statements of the scope's script. */
    static String describe(RebuildScope scope) {
        StringBuilder text = new StringBuilder();
        text.append("rebuild of ")
                .append(scope.group())
                .append(": consumer group ")
                .append(scope.group())
                .append(" replays ")
                .append(String.join(", ", scope.topics()))
                .append(" from the earliest offsets into:\n");
        try {
            scope.script()
                    .getContentAsString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("--"))
                    .forEach(line -> text.append("  ").append(line).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The worker's configuration (no beans, no servers): spring.config.name is the service's name. */
    private static ConfigurableApplicationContext settingsOf(String service, String... settings) {
        return new SpringApplicationBuilder(RebuildMain.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.config.name=" + service, "logging.level.root=warn")
                .run(settings);
    }

    /** The rebuild of the worker whose settings {@code environment} holds (a running worker's, or the command's). */
    public static Rebuild rebuildOf(Environment environment) {
        Map<String, Object> admin = Binder.get(environment)
                .bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new)
                .buildAdminProperties();
        // a command: an answer, or the reason within seconds (a broker away), not after the client's default minute
        admin.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        admin.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        DriverManagerDataSource database = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
        return new Rebuild(RebuildScope.of(environment), () -> Admin.create(admin), database);
    }
}
