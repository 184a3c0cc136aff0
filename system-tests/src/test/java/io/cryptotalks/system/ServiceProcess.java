package io.cryptotalks.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service as its own operating-system process, started from the executable jar the build packaged (as the launcher
 * and the images run it), so that it can die the way a machine does: {@link #kill()} sends SIGKILL, and nothing in it
 * gets a word out, no offset commit, no goodbye to its consumer group, no transaction end.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final String module;
    private final int port;
    private final List<String> args;
    private Process process;

    private ServiceProcess(String module, int port, List<String> args) {
        this.module = module;
        this.port = port;
        this.args = args;
    }

    static ServiceProcess start(String module, List<String> springArgs) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-jar",
                executableJar(module).toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(springArgs);
        ServiceProcess service = new ServiceProcess(module, port, command);
        service.start();
        return service;
    }

    /** Starts the process again with the same arguments (a restarted machine). */
    void start() {
        Path log = ROOT.resolve("system-tests/target/processes/" + module + "-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(args)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how long it took until the service answered ready */
    Duration awaitReady(Duration atMost) {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(url("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(
                                module + " exited with " + process.exitValue() + "; see target/processes");
                    }
                    return http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static Path executableJar(String module) {
        Path target = ROOT.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no executable jar in " + target + ": package the modules first (mvn verify does)"));
        } catch (IOException e) {
            throw new UncheckedIOException("no " + target + ": package the modules first (mvn verify does)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
