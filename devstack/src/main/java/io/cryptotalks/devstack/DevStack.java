package io.cryptotalks.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded infrastructure: PostgreSQL, a Kafka broker (KRaft), a MongoDB-wire server and an S3-compatible store,
 * all on 127.0.0.1. The launcher runs it with fixed ports and data that survives restarts; tests share one instance per
 * JVM ({@link #shared()}) on free ports with throw-away data.
 */
public final class DevStack implements AutoCloseable {

    private static DevStack shared;

    private final PostgresServer postgres;
    private KafkaBroker kafka;
    private final MongoWireServer mongo;
    private final S3Store s3;
    private final Path dataDirectory;
    private final Ports ports;

    private DevStack(
            PostgresServer postgres,
            KafkaBroker kafka,
            MongoWireServer mongo,
            S3Store s3,
            Path dataDirectory,
            Ports ports) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.s3 = s3;
        this.dataDirectory = dataDirectory;
        this.ports = ports;
    }

    /** The instance every test class of this JVM uses; started on first use and stopped when the JVM exits. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("cryptotalks-devstack-");
                shared = start(directory, Ports.free(), false);
            } catch (Exception e) {
                throw new IllegalStateException("the embedded test infrastructure did not start", e);
            }
            DevStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        }
        return shared;
    }

    public static DevStack start(Path dataDirectory, Ports ports, boolean keepData) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            PostgresServer postgres = remember(
                    started, PostgresServer.start(dataDirectory.resolve("postgres"), ports.postgres(), keepData));
            KafkaBroker kafka = remember(
                    started, KafkaBroker.start(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController()));
            MongoWireServer mongo =
                    remember(started, MongoWireServer.start(dataDirectory.resolve("mongo"), ports.mongo(), keepData));
            S3Store s3 = remember(started, S3Store.start(dataDirectory.resolve("s3"), ports.s3()));
            return new DevStack(postgres, kafka, mongo, s3, dataDirectory, ports);
        } catch (Exception | Error e) {
            // PostgreSQL runs as its own process: stop whatever started, or it outlives this JVM
            for (AutoCloseable server : started) {
                closeQuietly(server);
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T remember(List<AutoCloseable> started, T server) {
        started.add(0, server);
        return server;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** Fault tests: the broker goes away (its log stays on disk) until {@link #startKafka()}. */
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and log directory. */
    public synchronized void startKafka() throws IOException {
        kafka = KafkaBroker.start(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    /** The Spring properties that point a service at this infrastructure. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", mongoUri());
        properties.put("cryptotalks.s3.endpoint", s3Endpoint());
        properties.put("cryptotalks.s3.access-key", S3Store.ACCESS_KEY);
        properties.put("cryptotalks.s3.secret-key", S3Store.SECRET_KEY);
        return properties;
    }

    @Override
    public void close() {
        closeQuietly(s3);
        closeQuietly(mongo);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("devstack: " + server.getClass().getSimpleName() + " did not stop cleanly: " + e);
        }
    }

    /** The loopback ports of the four servers. */
    public record Ports(int postgres, int kafka, int kafkaController, int mongo, int s3) {

        public static final Ports DEV = new Ports(15432, 19092, 19093, 17017, 18080);

        static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
