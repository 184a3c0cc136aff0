package io.cryptotalks.devstack;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the infrastructure on the fixed development ports until it is stopped (SIGINT/SIGTERM), keeping data in the
 * folder given as the first argument. Prints one line per server and, last, {@code devstack ready}.
 */
public final class DevStackMain {

    private DevStackMain() {}

    public static void main(String[] args) throws Exception {
        // set before the first logger exists; a plain logback.xml would leak into every service's test classpath
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        Path data = Path.of(args.length > 0 ? args[0] : ".data/devstack").toAbsolutePath();
        DevStack.Ports ports = DevStack.Ports.DEV;
        for (Map.Entry<String, Integer> port : Map.of(
                        "PostgreSQL",
                        ports.postgres(),
                        "Kafka",
                        ports.kafka(),
                        "Kafka controller",
                        ports.kafkaController(),
                        "MongoDB",
                        ports.mongo(),
                        "S3",
                        ports.s3())
                .entrySet()) {
            requireFree(port.getKey(), port.getValue());
        }
        Files.createDirectories(data);
        DevStack stack = DevStack.start(data, ports, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        System.out.println("postgres  " + stack.jdbcUrl());
        System.out.println("kafka     " + stack.kafkaBootstrapServers());
        System.out.println("mongodb   " + stack.mongoUri());
        System.out.println("s3        " + stack.s3Endpoint());
        System.out.println("devstack ready (data in " + data + ")");
        stopped.await();
    }

    private static void requireFree(String server, int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (BindException e) {
            System.err.println("devstack: port " + port + " (" + server + ") is already in use; stop what holds it"
                    + " (`./cryptotalks down`, or `ss -ltnp 'sport = :" + port + "'` to see who) and try again");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("devstack: cannot check port " + port + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
