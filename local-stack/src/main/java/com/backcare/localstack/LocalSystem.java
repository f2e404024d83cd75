package com.backcare.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole system on one machine: a real Kafka broker, a real PostgreSQL and the three packaged services
 * as separate processes. {@code ./run-local} runs {@link #main}; the end-to-end tests start it on their own
 * ports and folder.
 */
public final class LocalSystem implements AutoCloseable {

    /** A service to launch: its name, HTTP port and the database it owns (none for the console). */
    public record Service(String name, int port, String database) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Where everything lives and listens. */
    public record Settings(Path repoRoot, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
            List<Service> services, boolean logToFiles, List<String> jvmOptions, boolean throwaway) {

        /** Small heaps and C1 only: quick to start, which is what a developer's machine and the tests want. */
        static final List<String> QUICK_START = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        /** The same system with other JVM options for the services (benchmarks want the full JIT). */
        public Settings withJvmOptions(List<String> options) {
            return new Settings(repoRoot, dataDir, postgresPort, kafkaPort, kafkaControllerPort, services, logToFiles,
                    List.copyOf(options), throwaway);
        }

        /** The documented fixed ports of {@code ./run-local}; none collides with a system PostgreSQL or Kafka. */
        public static Settings defaults(Path repoRoot) {
            return new Settings(repoRoot, repoRoot.resolve(".local-data"), 15432, 19092, 19093,
                    List.of(new Service("journal-service", 8081, "journal"),
                            new Service("triage-service", 8082, "triage"),
                            new Service("catalog-service", 8083, "catalog"),
                            new Service("console", 8084, null)),
                    false, QUICK_START, false);
        }

        /**
         * Free loopback ports and a folder of its own, logging to files: for tests and benchmarks beside a running
         * system. It is throwaway: closing it deletes its database and broker files (hundreds of MB a run) and keeps
         * its logs.
         */
        public static Settings onFreePorts(Path repoRoot, Path dataDir) {
            int kafka = SharedTestStack.freePort();
            return new Settings(repoRoot, dataDir, SharedTestStack.freePort(), kafka, SharedTestStack.freePort(),
                    List.of(new Service("journal-service", SharedTestStack.freePort(), "journal"),
                            new Service("triage-service", SharedTestStack.freePort(), "triage"),
                            new Service("catalog-service", SharedTestStack.freePort(), "catalog"),
                            new Service("console", SharedTestStack.freePort(), null)),
                    true, QUICK_START, true);
        }

        public Service service(String name) {
            return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private final Settings settings;
    private final java.util.Map<String, Process> processes = new java.util.LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    public LocalSystem(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** The one PostgreSQL server every service's database lives on; tests stop and start it to inject faults. */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /**
     * CPU time used so far by each service process, by PostgreSQL ("postgresql") and by this JVM ("driver", with the
     * embedded Kafka broker when this JVM started it): a cost that contention on a shared machine does not blur.
     */
    public java.util.Map<String, Duration> cpuTimes() {
        java.util.Map<String, Duration> times = new java.util.LinkedHashMap<>();
        processes.forEach((name, p) -> times.put(name, p.info().totalCpuDuration().orElse(Duration.ZERO)));
        times.put("postgresql", postgres.cpuTime());
        times.put("driver", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return times;
    }

    /**
     * CPU time the services' JIT compiler threads have used so far, all services together (Linux: read from
     * /proc; zero elsewhere). Part of {@link #cpuTimes}: while a JVM still compiles, its cost per operation is not yet
     * the steady one.
     */
    public Duration jitCpuTime() {
        long ticks = 0;
        for (Process process : processes.values()) {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            try (var threads = Files.list(tasks)) {
                for (Path thread : (Iterable<Path>) threads::iterator) {
                    try {
                        if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                            String stat = Files.readString(thread.resolve("stat"));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                        }
                    } catch (IOException | RuntimeException threadGone) {
                        // a thread that ended between the listing and the read
                    }
                }
            } catch (IOException | RuntimeException noProc) {
                // not Linux, or the process has ended
            }
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    public LocalSystem start(Duration readyWithin) {
        requirePortsFree();
        for (Service s : settings.services()) {
            Path jar = appJar(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
        try {
            postgres = new EmbeddedPostgresServer(settings.postgresPort(), settings.dataDir().resolve("postgres")).start();
            settings.services().stream().filter(s -> s.database() != null).forEach(s -> postgres.ensureDatabase(s.database()));
            kafka = new EmbeddedKafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.dataDir().resolve("kafka")).start();
            for (Service s : settings.services()) {
                processes.put(s.name(), launch(s));
            }
            long deadline = System.nanoTime() + readyWithin.toNanos();
            for (Service s : settings.services()) {
                awaitReady(s, deadline);
            }
            return this;
        } catch (RuntimeException e) {
            // The caller gets no system to close: what did start must not run on, using CPU beside the next run.
            try {
                close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Starts one more instance of a service's module, under its own name, port and database, with extra settings
     * (a replay instance with a fresh consumer group, say); it stops with the system.
     */
    public Service startInstance(String module, String name, String database, java.util.Map<String, String> properties,
            Duration readyWithin) {
        Service instance = new Service(name, SharedTestStack.freePort(), database);
        postgres.ensureDatabase(database);
        List<String> extra = new ArrayList<>();
        properties.forEach((k, v) -> extra.add("-D" + k + "=" + v));
        processes.put(name, launch(instance, module, extra));
        awaitReady(instance, System.nanoTime() + readyWithin.toNanos());
        return instance;
    }

    /** Kills a service at once (SIGKILL), as a crash would: no shutdown hook, no graceful close. */
    public void crash(String serviceName) {
        Process p = processes.remove(serviceName);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Freezes a service (SIGSTOP), as a long pause of its host would: it holds its connections and does nothing. */
    public void freeze(String serviceName) {
        signal(serviceName, "-STOP");
    }

    /** Lets a frozen service run again (SIGCONT). */
    public void thaw(String serviceName) {
        signal(serviceName, "-CONT");
    }

    private void signal(String serviceName, String signal) {
        Process p = processes.get(serviceName);
        if (p == null) {
            throw new IllegalStateException(serviceName + " is not running");
        }
        try {
            if (new ProcessBuilder("kill", signal, Long.toString(p.pid())).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + serviceName + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a service that crashed or stopped, and waits until it is ready. */
    public void restart(String serviceName, Duration readyWithin) {
        Service s = settings.service(serviceName);
        processes.put(s.name(), launch(s));
        awaitReady(s, System.nanoTime() + readyWithin.toNanos());
    }

    private Path appJar(Service s) {
        return settings.repoRoot().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Process launch(Service s) {
        return launch(s, s.name(), List.of());
    }

    private Process launch(Service s, String module, List<String> extraSettings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.addAll(List.of(
                "-Dquarkus.profile=dev",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + s.port()));
        if (s.database() == null) {
            // The console: the browser reaches each service at its address, as the browser sees it.
            command.add("-Dbackcare.console.journal-url=" + browserUrl(settings.service("journal-service")));
            command.add("-Dbackcare.console.triage-url=" + browserUrl(settings.service("triage-service")));
            command.add("-Dbackcare.console.catalog-url=" + browserUrl(settings.service("catalog-service")));
        } else {
            command.addAll(List.of(
                    "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(s.database()),
                    "-Dquarkus.datasource.username=" + s.database(),
                    "-Dquarkus.datasource.password=" + s.database(),
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers()));
            settings.services().stream().filter(c -> c.database() == null).findFirst().ifPresent(console ->
                    command.add("-Dquarkus.http.cors.origins=" + browserUrl(console) + ",http://127.0.0.1:" + console.port()));
        }
        command.addAll(extraSettings);
        command.addAll(List.of("-jar", settings.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar")
                .toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.repoRoot().toFile())
                .redirectErrorStream(true);
        try {
            if (settings.logToFiles()) {
                Path log = logOf(s.name());
                Files.createDirectories(log.getParent());
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                return builder.start();
            }
            Process p = builder.start();
            Thread pump = new Thread(() -> prefixLines(p, "[" + s.name() + "] ", System.out), s.name() + "-log");
            pump.setDaemon(true);
            pump.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch " + s.name(), e);
        }
    }

    /** How a browser on this machine addresses a service: by the name a person types. */
    private static String browserUrl(Service s) {
        return "http://localhost:" + s.port();
    }

    private static void prefixLines(Process p, String prefix, PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                out.println(prefix + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void awaitReady(Service s, long deadlineNanos) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadlineNanos) {
            Process p = processes.get(s.name());
            if (!p.isAlive()) {
                throw new IllegalStateException(s.name() + " exited with code " + p.exitValue() + logTail(s));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + s.name(), e);
            }
            sleep(250);
        }
        throw new IllegalStateException(s.name() + " was not ready in time");
    }

    /** Where a service's output goes when the system logs to files (it is kept when the system closes). */
    public Path logOf(String serviceName) {
        return settings.dataDir().resolve("logs").resolve(serviceName + ".log");
    }

    /** The end of a service's log, when it logs to a file: why it exited, where a CI run shows nothing else. */
    private String logTail(Service s) {
        Path log = logOf(s.name());
        if (!settings.logToFiles() || !Files.isRegularFile(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; the end of its log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "; its log could not be read: " + e;
        }
    }

    private void requirePortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(settings.postgresPort(), settings.kafkaPort(),
                settings.kafkaControllerPort()));
        settings.services().forEach(s -> ports.add(s.port()));
        for (int port : ports) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use: is the system already running?");
            }
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (settings.throwaway()) {
            SharedTestStack.deleteRecursively(settings.dataDir().resolve("postgres"));
            SharedTestStack.deleteRecursively(settings.dataDir().resolve("kafka"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Logger.getLogger("").setLevel(Level.WARNING);
        Path repoRoot = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Settings settings = Settings.defaults(repoRoot);
        LocalSystem system = new LocalSystem(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping services, Kafka and PostgreSQL...");
            system.close();
            stopped.countDown();
        }, "local-system-shutdown"));
        long started = System.nanoTime();
        try {
            system.start(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            System.err.println("Could not start the local system: " + e.getMessage());
            System.exit(1);
        }
        printBanner(settings, Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    private static void printBanner(Settings s, Duration took) {
        StringBuilder b = new StringBuilder("\n=== BackCare is running (ready in ")
                .append(took.toSeconds()).append(" s) ===\n");
        b.append(String.format("  %-16s 127.0.0.1:%d (KRaft)%n", "Kafka", s.kafkaPort()));
        b.append(String.format("  %-16s 127.0.0.1:%d (databases journal, triage, catalog)%n", "PostgreSQL", s.postgresPort()));
        for (Service svc : s.services()) {
            if (svc.database() == null) {
                b.append(String.format("  %-16s %s   (web console: sign in as a patient, clinician or clinic-admin)%n",
                        svc.name(), browserUrl(svc)));
                continue;
            }
            b.append(String.format("  %-16s %s/api/v1   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n",
                    svc.name(), svc.baseUrl(), svc.baseUrl(), svc.baseUrl()));
        }
        b.append("  Data folder      ").append(s.dataDir()).append(" (delete it to reset)\n");
        b.append("  Tokens           ./dev-token --clinic C --role patient|clinician|clinic-admin --subject S\n");
        b.append("Press Ctrl-C to stop everything.\n");
        System.out.println(b);
    }
}
