import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process supervisor behind {@code ./cryptotalks up}: plain JDK, no dependencies, compiled by the launcher.
 *
 * <p>It reads a plan (written by the launcher, one directive a line) of services in groups: each group starts
 * together and must be ready before the next one starts. A failure while the system first starts stops everything
 * (exit 1), as before. Once up, a service that dies is reported and restarted after 1 s, 2 s, 4 s, … (capped); after
 * {@code crash-limit} crashes within {@code crash-window-s} it is given up on, loudly, and the rest keep running.
 *
 * <p>Control: a loopback TCP port (in {@code RUN/supervisor.port}) takes one line {@code TOKEN COMMAND [SERVICE]}
 * ({@code RUN/supervisor.token}, readable only by its owner) and answers lines, the last one {@code .ok} or
 * {@code .error}. Commands: {@code status}, {@code stop S}, {@code start S}, {@code restart S}, {@code shutdown}.
 * SIGTERM or SIGINT stops everything in reverse start order.
 *
 * <p>Run: {@code java Supervisor PLAN RUN_DIR LOG_DIR}.
 */
public final class Supervisor {

    enum State {
        STARTING,
        RUNNING,
        BACKOFF,
        STOPPING,
        STOPPED,
        FAILED
    }

    enum Phase {
        STARTING_UP,
        UP,
        SHUTDOWN
    }

    static final class Spec {
        String name;
        String kind = "other";
        int port;
        String ready = "none";
        int readyTimeoutSeconds = 180;
        Path dir;
        final List<String> args = new ArrayList<>();
        final List<String> before = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final List<Integer> probePorts = new ArrayList<>();
    }

    static final class Service {
        final Spec spec;
        State state = State.STOPPED;
        boolean wanted;
        boolean recovering;
        Process process;
        long startedAt;
        int restarts;
        String failure;
        String lastExit;
        final Deque<Long> crashes = new ArrayDeque<>();
        ScheduledFuture<?> pendingRestart;

        Service(Spec spec) {
            this.spec = spec;
        }

        String name() {
            return spec.name;
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final List<List<Service>> groups = new ArrayList<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final List<String> banner = new ArrayList<>();
    private final Path run;
    private final Path logs;
    private long backoffMillis = 1000;
    private long maxBackoffMillis = 30_000;
    private int crashLimit = 5;
    private long crashWindowMillis = 60_000;
    private int stopTimeoutSeconds = 30;
    private long startedAtMillis = System.currentTimeMillis();

    private volatile Phase phase = Phase.STARTING_UP;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String token = newToken();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, daemon("restart-timer"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("supervisor"));
    // HTTP/1.1: the default's h2c upgrade request is one the web app's Node server does not answer
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(workers)
            .build();
    private PrintWriter eventLog;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Supervisor PLAN RUN_DIR LOG_DIR");
            System.exit(2);
        }
        Supervisor supervisor = new Supervisor(Path.of(args[1]), Path.of(args[2]));
        supervisor.readPlan(Path.of(args[0]));
        System.exit(supervisor.run());
    }

    Supervisor(Path run, Path logs) {
        this.run = run;
        this.logs = logs;
    }

    // ------------------------------------------------------------------------------------------------- the plan

    void readPlan(Path plan) throws IOException {
        Spec spec = null;
        for (String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            switch (key) {
                case "backoff-ms" -> backoffMillis = Long.parseLong(value);
                case "max-backoff-ms" -> maxBackoffMillis = Long.parseLong(value);
                case "crash-limit" -> crashLimit = Integer.parseInt(value);
                case "crash-window-s" -> crashWindowMillis = Long.parseLong(value) * 1000;
                case "stop-timeout-s" -> stopTimeoutSeconds = Integer.parseInt(value);
                case "started-at-ms" -> startedAtMillis = Long.parseLong(value);
                case "banner" -> banner.add(value);
                case "group" -> groups.add(new ArrayList<>());
                case "service" -> {
                    if (groups.isEmpty()) {
                        groups.add(new ArrayList<>());
                    }
                    spec = new Spec();
                    spec.name = value;
                    Service service = new Service(spec);
                    groups.get(groups.size() - 1).add(service);
                    if (services.put(value, service) != null) {
                        throw new IllegalArgumentException("plan: service " + value + " twice");
                    }
                }
                default -> {
                    if (spec == null) {
                        throw new IllegalArgumentException("plan: '" + key + "' before any service");
                    }
                    switch (key) {
                        case "kind" -> spec.kind = value;
                        case "port" -> spec.port = Integer.parseInt(value);
                        case "ready" -> spec.ready = value;
                        case "ready-timeout-s" -> spec.readyTimeoutSeconds = Integer.parseInt(value);
                        case "dir" -> spec.dir = Path.of(value);
                        case "arg" -> spec.args.add(value);
                        case "before" -> spec.before.add(value);
                        case "probe-port" -> spec.probePorts.add(Integer.parseInt(value));
                        case "env" -> {
                            int equals = value.indexOf('=');
                            spec.env.put(value.substring(0, equals), value.substring(equals + 1));
                        }
                        default -> throw new IllegalArgumentException("plan: unknown directive '" + key + "'");
                    }
                }
            }
        }
        for (Service service : services.values()) {
            if (service.spec.args.isEmpty()) {
                throw new IllegalArgumentException("plan: service " + service.name() + " has no command");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- running

    int run() throws Exception {
        Files.createDirectories(run);
        Files.createDirectories(logs);
        eventLog = new PrintWriter(
                Files.newBufferedWriter(
                        logs.resolve("supervisor.log"),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND),
                true);
        Files.writeString(run.resolve("supervisor.pid"), ProcessHandle.current().pid() + "\n");
        openControlPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "shutdown"));

        for (List<Service> group : groups) {
            for (Service service : group) {
                synchronized (this) {
                    service.wanted = true;
                }
                launch(service, true);
            }
            for (Service service : group) {
                long began = System.currentTimeMillis();
                State state = awaitSettled(service, service.spec.readyTimeoutSeconds + 5);
                if (phase == Phase.SHUTDOWN) {
                    return 0; // stopped while starting (Ctrl-C, ./cryptotalks down): the hook reports it
                }
                if (state != State.RUNNING) {
                    String why;
                    synchronized (this) {
                        why = service.failure != null
                                ? service.failure
                                : "stopped while starting ("
                                        + (service.lastExit == null ? "no exit status" : service.lastExit) + ")";
                    }
                    printTail(service, 30);
                    say("✗ " + service.name() + " " + why + "; its log is " + logOf(service));
                    say("stopping the rest…");
                    return 1; // the shutdown hook stops what runs
                }
                say(String.format(
                        "  ✓ %-22s ready in %d s", service.name(), (System.currentTimeMillis() - began + 999) / 1000));
            }
        }
        phase = Phase.UP;
        say("");
        say("Cryptotalks is up in " + (System.currentTimeMillis() - startedAtMillis + 500) / 1000 + " s");
        banner.forEach(this::say);
        Files.writeString(run.resolve("supervisor.ready"), "up\n");
        stopped.await();
        return 0;
    }

    /** Starts a service's process; {@code fresh} truncates its log (the first start), a restart appends to it. */
    private void launch(Service service, boolean fresh) {
        Spec spec = service.spec;
        Path log = logOf(service);
        try {
            if (!spec.before.isEmpty()) {
                new ProcessBuilder(spec.before)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start()
                        .waitFor(60, TimeUnit.SECONDS);
            }
            if (fresh) {
                Files.writeString(log, "");
            } else {
                Files.writeString(
                        log,
                        "\n---- restarted by the launcher at " + LocalTime.now().format(CLOCK) + " ----\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            long logOffset = Files.size(log);
            List<String> command = new ArrayList<>();
            command.add("setsid"); // its own process group: a terminal's Ctrl-C reaches only the supervisor
            command.addAll(spec.args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (spec.dir != null) {
                builder.directory(spec.dir.toFile());
            }
            builder.environment().putAll(spec.env);
            Process process;
            synchronized (this) {
                if (!service.wanted || phase == Phase.SHUTDOWN) {
                    return;
                }
                process = builder.start();
                service.process = process;
                service.state = State.STARTING;
                service.startedAt = System.currentTimeMillis();
                service.failure = null;
                Files.writeString(run.resolve(service.name() + ".pid"), process.pid() + "\n");
                notifyAll();
            }
            process.onExit().thenRunAsync(() -> exited(service, process), workers);
            workers.execute(() -> watchReadiness(service, process, logOffset));
        } catch (IOException | InterruptedException e) {
            synchronized (this) {
                service.state = State.FAILED;
                service.failure = "could not be started: " + e.getMessage();
                notifyAll();
            }
            say("✗ " + service.name() + " could not be started: " + e.getMessage());
        }
    }

    private void watchReadiness(Service service, Process process, long logOffset) {
        long deadline = System.currentTimeMillis() + service.spec.readyTimeoutSeconds * 1000L;
        long began = System.currentTimeMillis();
        while (process.isAlive()) {
            if (ready(service, logOffset)) {
                boolean announce;
                synchronized (this) {
                    if (service.process != process || service.state != State.STARTING) {
                        return;
                    }
                    service.state = State.RUNNING;
                    announce = service.recovering;
                    service.recovering = false;
                    notifyAll();
                }
                if (announce) {
                    say("✓ " + service.name() + " is back: ready in "
                            + (System.currentTimeMillis() - began + 999) / 1000 + " s (restart " + service.restarts
                            + ")");
                }
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                String dump = dumpThreads(service, process);
                synchronized (this) {
                    if (service.process != process) {
                        return;
                    }
                    service.failure = "did not become ready within " + service.spec.readyTimeoutSeconds + " s"
                            + (dump == null ? "" : " (its threads: " + dump + ")");
                    if (phase == Phase.STARTING_UP) {
                        service.state = State.FAILED;
                        notifyAll();
                        return;
                    }
                }
                say("✗ " + service.name() + " did not become ready within " + service.spec.readyTimeoutSeconds
                        + " s; killing it");
                signalGroup(process.pid(), "KILL");
                return;
            }
            sleep(500);
        }
    }

    /**
     * A JVM that started but never became ready is stuck somewhere: its threads, virtual ones included, go to a file
     * beside its log before it is stopped (jcmd of the supervisor's own JDK). Null when there is none to write.
     */
    private String dumpThreads(Service service, Process process) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        Path file = logs.resolve(service.name() + "-threads-" + System.currentTimeMillis() + ".txt");
        try {
            Process dump = new ProcessBuilder(
                            jcmd.toString(), Long.toString(process.pid()), "Thread.dump_to_file", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return dump.waitFor(15, TimeUnit.SECONDS) && Files.exists(file) ? file.toString() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean ready(Service service, long logOffset) {
        String ready = service.spec.ready;
        if (ready.startsWith("log:")) {
            return logContains(logOf(service), logOffset, ready.substring(4));
        }
        if (ready.startsWith("http:")) {
            return get(service.spec.port, ready.substring(5), 4).status == 200;
        }
        return true;
    }

    /** A process ended: on purpose, while first starting (fatal), or a crash to restart after a back-off. */
    private void exited(Service service, Process process) {
        String exit = describeExit(process.exitValue());
        String report;
        synchronized (this) {
            if (service.process != process) {
                return;
            }
            service.lastExit = exit + " at " + LocalTime.now().format(CLOCK);
            deletePidFile(service);
            if (!service.wanted || service.state == State.STOPPING || phase == Phase.SHUTDOWN) {
                service.state = State.STOPPED;
                notifyAll();
                return;
            }
            if (phase == Phase.STARTING_UP) {
                service.state = State.FAILED;
                notifyAll();
                return;
            }
            long now = System.currentTimeMillis();
            String uptime = duration(now - service.startedAt);
            service.crashes.addLast(now);
            while (now - service.crashes.peekFirst() > crashWindowMillis) {
                service.crashes.removeFirst();
            }
            int crashes = service.crashes.size();
            if (crashes >= crashLimit) {
                service.state = State.FAILED;
                service.failure = "crashed " + crashes + " times within " + crashWindowMillis / 1000 + " s";
                report = "✗✗✗ " + service.name() + " died (" + exit + ") after " + uptime + " up: " + service.failure
                        + "; GIVING UP on it (the rest keep running). Its log: " + logOf(service)
                        + "; ./cryptotalks start " + service.name() + " tries again";
            } else {
                long delay = Math.min(maxBackoffMillis, backoffMillis << (crashes - 1));
                service.state = State.BACKOFF;
                service.restarts++;
                service.pendingRestart = timer.schedule(() -> restartAfterCrash(service), delay, TimeUnit.MILLISECONDS);
                report = "✗ " + service.name() + " died (" + exit + ") after " + uptime + " up; restarting it in "
                        + duration(delay) + " (crash " + crashes + " of " + crashLimit + " allowed within "
                        + crashWindowMillis / 1000 + " s; log: " + logOf(service) + ")";
            }
            notifyAll();
        }
        // what a process of its group left behind (a web server's children) would hold its port
        signalGroup(process.pid(), "KILL");
        say(report);
    }

    private void restartAfterCrash(Service service) {
        synchronized (this) {
            if (!service.wanted || phase != Phase.UP || service.state != State.BACKOFF) {
                return;
            }
            service.pendingRestart = null;
            service.recovering = true;
        }
        launch(service, false);
    }

    /** Waits until the service is running, or failed, stopped or given up on; returns that state. */
    private synchronized State awaitSettled(Service service, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Predicate<State> settled = state -> state == State.RUNNING || state == State.FAILED || state == State.STOPPED;
        while (!settled.test(service.state) && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, Math.min(1000, deadline - System.currentTimeMillis())));
        }
        return service.state;
    }

    /** SIGTERM to the service's process group; SIGKILL after the stop timeout. */
    private void terminate(Service service) {
        Process process;
        synchronized (this) {
            service.wanted = false;
            if (service.pendingRestart != null) {
                service.pendingRestart.cancel(false);
                service.pendingRestart = null;
            }
            process = service.process;
            if (process == null || !process.isAlive()) {
                service.state = State.STOPPED;
                notifyAll();
                return;
            }
            service.state = State.STOPPING;
        }
        signalGroup(process.pid(), "TERM");
        try {
            if (!process.waitFor(stopTimeoutSeconds, TimeUnit.SECONDS)) {
                say("  " + service.name() + " did not stop within " + stopTimeoutSeconds + " s; killing it");
                signalGroup(process.pid(), "KILL");
                process.waitFor(10, TimeUnit.SECONDS);
            }
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // reported by the state
        }
        synchronized (this) {
            if (service.process == process) {
                service.state = State.STOPPED;
                deletePidFile(service);
                notifyAll();
            }
        }
    }

    private void shutdown() {
        synchronized (this) {
            if (phase == Phase.SHUTDOWN) {
                return;
            }
            phase = Phase.SHUTDOWN;
            for (Service service : services.values()) {
                if (service.pendingRestart != null) {
                    service.pendingRestart.cancel(false);
                }
            }
        }
        say("stopping…");
        // the reverse start order: the infrastructure outlives the services so they shut down cleanly
        for (int i = groups.size() - 1; i >= 0; i--) {
            List<CompletableFuture<Void>> stopping = new ArrayList<>();
            for (Service service : groups.get(i)) {
                stopping.add(CompletableFuture.runAsync(() -> terminate(service), workers));
            }
            stopping.forEach(CompletableFuture::join);
        }
        for (String file : List.of("supervisor.ready", "supervisor.port", "supervisor.token", "supervisor.pid")) {
            try {
                Files.deleteIfExists(run.resolve(file));
            } catch (IOException ignored) {
                // gone with the data folder
            }
        }
        say("stopped.");
        stopped.countDown();
    }

    // ------------------------------------------------------------------------------------------------- control

    private void openControlPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Path tokenFile = run.resolve("supervisor.token");
        Files.deleteIfExists(tokenFile);
        Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tokenFile, token + "\n");
        Files.writeString(run.resolve("supervisor.port"), server.getLocalPort() + "\n");
        Thread acceptor = new Thread(
                () -> {
                    while (true) {
                        try {
                            Socket client = server.accept();
                            workers.execute(() -> serve(client));
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(10_000);
            String line = in.readLine();
            String[] words = line == null ? new String[0] : line.trim().split("\\s+");
            if (words.length < 2 || !words[0].equals(token)) {
                out.println(".error not allowed");
                return;
            }
            String command = words[1];
            String name = words.length > 2 ? words[2] : null;
            if (command.equals("status")) {
                status().forEach(out::println);
                out.println(".ok");
                return;
            }
            if (command.equals("shutdown")) {
                out.println("stopping everything");
                out.println(".ok");
                new Thread(() -> System.exit(0), "exit").start();
                return;
            }
            Service service = name == null ? null : services.get(name);
            if (service == null) {
                out.println(".error unknown service '" + name + "'; one of " + String.join(", ", services.keySet()));
                return;
            }
            if (phase != Phase.UP) {
                out.println(".error the system is " + (phase == Phase.STARTING_UP ? "still starting" : "stopping"));
                return;
            }
            switch (command) {
                case "stop" -> {
                    stop(service, out, false);
                    out.println(".ok");
                }
                case "start" -> start(service, out);
                case "restart" -> {
                    stop(service, out, true);
                    start(service, out);
                }
                default -> out.println(".error unknown command '" + command + "'");
            }
        } catch (Exception e) {
            say("control: " + e);
        }
    }

    private void stop(Service service, PrintWriter out, boolean restarting) {
        State before;
        synchronized (this) {
            before = service.state;
        }
        terminate(service);
        boolean wasRunning = before == State.RUNNING || before == State.STARTING || before == State.STOPPING;
        String message = restarting
                ? service.name()
                        + (wasRunning
                                ? " stopped"
                                : " was not running (" + before.name().toLowerCase() + ")") + "; starting it again"
                : wasRunning
                        ? service.name() + " stopped; it stays stopped until ./cryptotalks start " + service.name()
                        : service.name() + " was not running (" + before.name().toLowerCase() + "); it stays stopped";
        say("■ " + message);
        out.println(message);
    }

    private void start(Service service, PrintWriter out) throws InterruptedException {
        synchronized (this) {
            if (service.state == State.RUNNING || service.state == State.STARTING) {
                out.println(
                        service.name() + " is already " + service.state.name().toLowerCase());
                out.println(".ok");
                return;
            }
            if (service.pendingRestart != null) {
                service.pendingRestart.cancel(false);
                service.pendingRestart = null;
            }
            service.wanted = true;
            service.recovering = false;
            service.crashes.clear();
            service.failure = null;
        }
        long began = System.currentTimeMillis();
        say("▶ starting " + service.name() + " (./cryptotalks start)");
        launch(service, false);
        State state = awaitSettled(service, service.spec.readyTimeoutSeconds + 5);
        if (state == State.RUNNING) {
            String message = service.name() + " is running: ready in "
                    + (System.currentTimeMillis() - began + 999) / 1000 + " s";
            say("✓ " + message);
            out.println(message);
            out.println(".ok");
        } else {
            out.println(".error " + service.name() + " did not become ready ("
                    + state.name().toLowerCase() + (service.failure != null ? ": " + service.failure : "")
                    + "); its log is " + logOf(service));
        }
    }

    // ------------------------------------------------------------------------------------------------- status

    /** One header and one row per service, whitespace-separated; the last column is key=value details. */
    List<String> status() {
        Map<Service, CompletableFuture<String[]>> probes = new LinkedHashMap<>();
        for (Service service : services.values()) {
            probes.put(service, CompletableFuture.supplyAsync(() -> probe(service), workers));
        }
        List<String> lines = new ArrayList<>();
        String format = "%-22s %-9s %-8s %-8s %-9s %-8s %s";
        lines.add(String.format(format, "SERVICE", "STATE", "PID", "UPTIME", "RESTARTS", "HEALTH", "DETAILS"));
        List<String> notes = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<Service, CompletableFuture<String[]>> entry : probes.entrySet()) {
            Service service = entry.getKey();
            String[] probe = entry.getValue().join();
            synchronized (this) {
                boolean alive = service.process != null && service.process.isAlive();
                lines.add(String.format(
                        format,
                        service.name(),
                        service.state.name().toLowerCase(),
                        alive ? String.valueOf(service.process.pid()) : "-",
                        alive ? duration(now - service.startedAt).replace(" ", "") : "-",
                        service.restarts,
                        probe[0],
                        probe[1]));
                if (service.failure != null) {
                    notes.add("  " + service.name() + ": " + service.failure);
                }
                if (service.lastExit != null && service.state != State.STOPPED) {
                    notes.add("  " + service.name() + ": last exit: " + service.lastExit);
                } else if (service.lastExit != null) {
                    notes.add("  " + service.name() + ": stopped on purpose (" + service.lastExit + ")");
                }
            }
        }
        lines.addAll(notes);
        return lines;
    }

    /** {health, details} of a service, from its own endpoints. */
    private String[] probe(Service service) {
        Spec spec = service.spec;
        synchronized (this) {
            if (service.process == null || !service.process.isAlive()) {
                return new String[] {"-", "-"};
            }
        }
        String health;
        List<String> details = new ArrayList<>();
        switch (spec.kind) {
            case "infra" -> {
                List<Integer> closed =
                        spec.probePorts.stream().filter(port -> !portOpen(port)).toList();
                health = closed.isEmpty() ? "UP" : "DOWN";
                if (!closed.isEmpty()) {
                    details.add("closed-ports=" + closed.toString().replace(" ", ""));
                }
            }
            case "web" -> health = get(spec.port, "/", 4).status == 200 ? "UP" : "DOWN";
            default -> {
                Reply reply = get(spec.port, "/actuator/health", 4);
                String status = topLevelStatus(reply.body);
                health = reply.status == 0 ? "DOWN" : status != null ? status : "HTTP-" + reply.status;
            }
        }
        if (spec.kind.equals("worker") || spec.kind.equals("gateway")) {
            Reply reply = get(spec.port, "/actuator/backlog", 8);
            if (reply.status == 200) {
                if (spec.kind.equals("worker")) {
                    details.add("lag=" + number(reply.body, "consumerLag"));
                    details.add("dead-letters=" + number(reply.body, "deadLetters"));
                } else {
                    details.add("outbox=" + number(reply.body, "outbox"));
                }
            } else {
                details.add("backlog=unavailable");
            }
        }
        return new String[] {health, details.isEmpty() ? "-" : String.join(" ", details)};
    }

    /** The {@code status} of the outermost JSON object (the components' own statuses are nested deeper). */
    static String topLevelStatus(String json) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < json.length() && json.charAt(end) != '"') {
                    end += json.charAt(end) == '\\' ? 2 : 1;
                }
                if (depth == 1 && json.startsWith("status", i + 1) && end == i + 7) {
                    Matcher value = STATUS.matcher(json);
                    if (value.find(i)) {
                        return value.group(1);
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    private static String number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    record Reply(int status, String body) {}

    private Reply get(int port, String path, int timeoutSeconds) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(timeoutSeconds))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "");
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Path logOf(Service service) {
        return logs.resolve(service.name() + ".log");
    }

    private void deletePidFile(Service service) {
        try {
            Files.deleteIfExists(run.resolve(service.name() + ".pid"));
        } catch (IOException ignored) {
            // the next start overwrites it
        }
    }

    private static boolean logContains(Path log, long offset, String text) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return false;
            }
            long from = Math.max(offset, length - 1_000_000);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private void printTail(Service service, int lines) {
        try {
            List<String> all = Files.readAllLines(logOf(service), StandardCharsets.UTF_8);
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
        } catch (IOException | RuntimeException ignored) {
            // the message names the log
        }
    }

    /** The signal to the process group the service leads (it was started by setsid), else to the process alone. */
    private static void signalGroup(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill(1): the process alone, below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(handle -> {
            if (signal.equals("KILL")) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        });
    }

    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = switch (signal) {
                case 1 -> "SIGHUP";
                case 2 -> "SIGINT";
                case 6 -> "SIGABRT";
                case 9 -> "SIGKILL";
                case 11 -> "SIGSEGV";
                case 15 -> "SIGTERM";
                default -> "signal " + signal;
            };
            return "killed by " + name + ", exit status " + code;
        }
        return "exit status " + code;
    }

    static String duration(long millis) {
        long seconds = millis / 1000;
        if (millis < 1000) {
            return millis + " ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }

    private synchronized void say(String message) {
        String stamped = message.isEmpty() ? "" : LocalTime.now().format(CLOCK) + " " + message;
        System.out.println(message.isEmpty() || message.startsWith("  ") ? message : stamped);
        System.out.flush();
        if (eventLog != null) {
            eventLog.println(stamped);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
