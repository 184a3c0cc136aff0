package io.cryptotalks.system;

import io.cryptotalks.auth.AuthServiceApplication;
import io.cryptotalks.cryptorates.CryptoRatesServiceApplication;
import io.cryptotalks.devstack.DevStack;
import io.cryptotalks.gateway.GatewayApplication;
import io.cryptotalks.posts.PostsServiceApplication;
import io.cryptotalks.users.UsersServiceApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole back end in this JVM: the four workers and the gateway, each its own Spring application on a free port,
 * all on the shared embedded infrastructure. Started once, in the launcher's order (workers own the tables).
 */
final class RunningSystem {

    static final String JWT_SECRET = "system-tests-secret-0123456789abcdef0123456789";
    static final String ENCRYPTION_KEY = "system-tests-encryption-key-0123456789abcdef";
    /** The one origin allowed to call the API cross-origin (HardenedHttpTests). */
    static final String CORS_ALLOWED_ORIGIN = "https://app.example.test";

    /**
     * The services share this JVM's classpath, so the gateway's Spring Security would secure the workers too; each
     * worker runs alone in production, without it.
     */
    private static final String WORKER = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration";

    private static RunningSystem shared;

    private final DevStack infrastructure = DevStack.shared();
    private ConfigurableApplicationContext users;
    private final ConfigurableApplicationContext auth;
    private ConfigurableApplicationContext posts;
    private ConfigurableApplicationContext cryptoRates;
    private final ConfigurableApplicationContext gateway;

    private RunningSystem() {
        users = start(
                UsersServiceApplication.class,
                UsersServiceApplication.CONFIG_NAME,
                WORKER,
                "--cryptotalks.demo-data=true");
        auth = start(AuthServiceApplication.class, AuthServiceApplication.CONFIG_NAME, WORKER);
        posts = startPostsService();
        cryptoRates = startCryptoRatesService();
        gateway = startGateway();
    }

    static synchronized RunningSystem shared() {
        if (shared == null) {
            shared = new RunningSystem();
        }
        return shared;
    }

    String gatewayUrl() {
        return urlOf(gateway);
    }

    synchronized String usersServiceUrl() {
        return urlOf(users);
    }

    /** Every service by its name, with the address of its port (Actuator's too: there is no management port here). */
    synchronized Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("api-gateway", urlOf(gateway));
        urls.put("auth-service", urlOf(auth));
        urls.put("users-service", urlOf(users));
        urls.put("posts-service", urlOf(posts));
        urls.put("crypto-rates-service", urlOf(cryptoRates));
        return urls;
    }

    private static String urlOf(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    JdbcClient database() {
        return gateway.getBean(JdbcClient.class);
    }

    MongoTemplate actionLogs() {
        return auth.getBean(MongoTemplate.class);
    }

    /** A dead users-service: its consumer group has no member until {@link #startUsersService()}. */
    synchronized void stopUsersService() {
        users.close();
    }

    synchronized void startUsersService() {
        users = start(
                UsersServiceApplication.class,
                UsersServiceApplication.CONFIG_NAME,
                WORKER,
                "--cryptotalks.demo-data=true");
    }

    /** The embedded infrastructure's addresses as command-line arguments ({@code --key=value}). */
    List<String> infrastructureArguments() {
        List<String> args = new ArrayList<>();
        infrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    /** The posts-service and the crypto-rates-service, by name: what RebuildTests stops, rebuilds and starts again. */
    synchronized ConfigurableApplicationContext worker(String name) {
        return switch (name) {
            case "posts-service" -> posts;
            case "crypto-rates-service" -> cryptoRates;
            default -> throw new IllegalArgumentException("not a restartable worker here: " + name);
        };
    }

    /** Closes the worker's context (its consumers leave the group) and starts a new one, in between {@code meanwhile}. */
    synchronized void restartWorker(String name, Runnable meanwhile) {
        worker(name).close();
        try {
            meanwhile.run();
        } finally {
            if (name.equals("posts-service")) {
                posts = startPostsService();
            } else {
                cryptoRates = startCryptoRatesService();
            }
        }
    }

    private ConfigurableApplicationContext startPostsService() {
        return start(PostsServiceApplication.class, PostsServiceApplication.CONFIG_NAME, WORKER);
    }

    private ConfigurableApplicationContext startCryptoRatesService() {
        return start(CryptoRatesServiceApplication.class, CryptoRatesServiceApplication.CONFIG_NAME, WORKER);
    }

    /**
     * A second instance of every service on the same infrastructure, as a second machine would run them: one more
     * gateway (its own port) and one more member of each worker's consumer group. {@link Replicas#close()} stops them.
     */
    Replicas startReplicas() {
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        workers.add(start(UsersServiceApplication.class, UsersServiceApplication.CONFIG_NAME, WORKER));
        workers.add(start(AuthServiceApplication.class, AuthServiceApplication.CONFIG_NAME, WORKER));
        workers.add(start(PostsServiceApplication.class, PostsServiceApplication.CONFIG_NAME, WORKER));
        workers.add(start(CryptoRatesServiceApplication.class, CryptoRatesServiceApplication.CONFIG_NAME, WORKER));
        return new Replicas(startGateway(), workers);
    }

    /** One more gateway on the same infrastructure, alone (the live streams' test); closing it stops it. */
    ConfigurableApplicationContext startSecondGateway(String... extra) {
        return startGateway(extra);
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    ConfigurableApplicationContext gateway() {
        return gateway;
    }

    static String urlOf(ConfigurableApplicationContext service, String path) {
        return urlOf(service) + path;
    }

    record Replicas(ConfigurableApplicationContext gateway, List<ConfigurableApplicationContext> workers)
            implements AutoCloseable {

        String gatewayUrl() {
            return urlOf(gateway);
        }

        void stopWorkers() {
            workers.forEach(ConfigurableApplicationContext::close);
        }

        @Override
        public void close() {
            gateway.close();
            stopWorkers();
        }
    }

    private ConfigurableApplicationContext startGateway(String... extra) {
        List<String> args = new ArrayList<>(gatewaySettings());
        args.addAll(List.of(extra));
        return start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, args.toArray(String[]::new));
    }

    private static List<String> gatewaySettings() {
        return List.of(
                "--JWT_SECRET=" + JWT_SECRET,
                "--ENCRYPTION_KEY=" + ENCRYPTION_KEY,
                "--TRUSTED_PROXIES=127\\.0\\.0\\.1",
                "--CORS_ALLOWED_ORIGINS=" + CORS_ALLOWED_ORIGIN,
                // LiveTests: a lost notice and a signed-out session are found within seconds, not 20
                "--cryptotalks.live.keep-alive=2s");
    }

    /** One more instance of a module as a process of its own on this system's infrastructure (KillTests). */
    ServiceProcess startProcess(String module) {
        List<String> args = new ArrayList<>(sharedSettings());
        if (module.equals("api-gateway")) {
            args.addAll(gatewaySettings());
        }
        return ServiceProcess.start(module, args);
    }

    private List<String> sharedSettings() {
        List<String> args = infrastructureArguments();
        args.add("--cryptotalks.messaging.retry.initial-interval=100ms");
        args.add("--cryptotalks.dev-mailbox.enabled=true");
        return args;
    }

    private ConfigurableApplicationContext start(Class<?> application, String configName, String... extra) {
        List<String> args = new ArrayList<>(sharedSettings());
        args.add("--server.port=0");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).properties(configName).run(args.toArray(String[]::new));
    }
}
