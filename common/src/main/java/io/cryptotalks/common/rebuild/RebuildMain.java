package io.cryptotalks.common.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
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
 *     org.springframework.boot.loader.launch.PropertiesLauncher posts-service reset
 * … start the worker's instances again …
 * java … posts-service await &lt;the "resume:" arguments reset printed&gt;
 * </pre>
 *
 * {@code reset} refuses to run while an instance of the worker is in its consumer group (after 30 s). Exit status 0,
 * or 1 with the reason on standard error.
 */
public final class RebuildMain {

    private static final Duration GROUP_EMPTY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    private RebuildMain() {}

    public static void main(String[] args) {
        if (args.length < 2 || !(args[1].equals("reset") || args[1].equals("await") && args.length == 4)) {
            System.err.println("usage: RebuildMain SERVICE reset | RebuildMain SERVICE await RESET-AT KEPT");
            System.exit(2);
        }
        try (ConfigurableApplicationContext settings = settingsOf(args[0])) {
            Rebuild rebuild = rebuildOf(settings.getEnvironment());
            if (args[1].equals("reset")) {
                Rebuild.Reset reset = rebuild.reset(GROUP_EMPTY_TIMEOUT);
                System.out.printf(
                        "reset: %d records to re-read, %d processed events deleted (%d of other types kept)%n",
                        reset.recordsToReread(), reset.processedDeleted(), reset.processedKept());
                System.out.printf("resume: %s %d%n", reset.at(), reset.processedKept());
            } else {
                Rebuild.Reset reset = new Rebuild.Reset(0, 0, Long.parseLong(args[3]), Instant.parse(args[2]));
                Rebuild.CaughtUp caughtUp = rebuild.awaitCaughtUp(reset, CATCH_UP_TIMEOUT);
                System.out.printf(
                        "caught up: %d events re-applied, lag 0 after %.1f s%n",
                        caughtUp.reapplied(), caughtUp.took().toMillis() / 1000.0);
            }
        } catch (RuntimeException e) {
            System.err.println("rebuild of " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The worker's configuration (no beans, no servers): spring.config.name is the service's name. */
    private static ConfigurableApplicationContext settingsOf(String service) {
        return new SpringApplicationBuilder(RebuildMain.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.config.name=" + service, "logging.level.root=warn")
                .run();
    }

    /** The rebuild of the worker whose settings {@code environment} holds (a running worker's, or the command's). */
    public static Rebuild rebuildOf(Environment environment) {
        Map<String, Object> admin = Binder.get(environment)
                .bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new)
                .buildAdminProperties();
        DriverManagerDataSource database = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
        return new Rebuild(RebuildScope.of(environment), () -> Admin.create(admin), database);
    }
}
