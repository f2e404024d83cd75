package com.backcare.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Recorder;

import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;

/**
 * One patient posts entries as fast as the journal lets it (a closed loop of 8 requests in flight) for the whole run,
 * while 100 other patients of the same clinic each post one red-flag entry at a random moment; each red flag's time
 * from the journal's 201 to EMERGENCY in triage's status is recorded. Run twice: with the journal's write limits (the
 * flooder gets 429s after 120 writes), and with the limit lifted for the flooder's clinic, so that triage itself must
 * absorb the flood. The anchor, in the same run on the same broker: Kafka's own EndToEndLatency.
 *
 * <pre>./mvnw -B -Pbenchmark -Dbenchmark=NoisyNeighbourBenchmark -Dseconds=120 -DskipTests -pl system-tests -am verify</pre>
 */
public final class NoisyNeighbourBenchmark {

    private static final int RED_FLAGS = 100;
    private static final int IN_FLIGHT = 8;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 120);
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-bench"))
                .withJvmOptions(ProductionJvm.options(
                        "-Djournal.write-limits.patient-per-hour.clinic-unlimited=100000000"));
        try (LocalSystem system = new LocalSystem(settings).start(Duration.ofMinutes(3))) {
            String journal = settings.service("journal-service").baseUrl();
            String triage = settings.service("triage-service").baseUrl();
            Report report = new Report("Noisy neighbour: other patients' red flags while one patient floods the journal",
                    "One patient posts entries in a closed loop (" + IN_FLIGHT + " requests in flight) for " + seconds
                            + " s; meanwhile " + RED_FLAGS + " other patients of the same clinic each post one red-flag "
                            + "entry (bladder dysfunction) at a random moment. Latency: from the journal's 201 until "
                            + "triage publishes the patient's EMERGENCY status (one watching consumer; after the run each "
                            + "alerted patient's status API is read once and must agree). Services on " + ProductionJvm.describe()
                            + ", everything on one machine; after a measured warm-up (below).");
            report.line("| run | flooder 201 / 429 | red flags seen | commit→EMERGENCY p50 | p90 | p99 | max (ms) |");
            report.line("|---|---|---|---|---|---|---|");
            WarmUp.Rounds warmup;
            try (EmergencyWatcher watcher = new EmergencyWatcher(system.kafka().bootstrapServers())) {
                warmup = WarmUp.untilSettled(system, "30 s of the same load (limits on)", round -> run(watcher, journal, triage,
                        "clinic-warmup-" + round, 30, "warm-up").p50Millis());
                Run limited = run(watcher, journal, triage, "clinic-limited", seconds, "write limits on (120 an hour)");
                Run unlimited = run(watcher, journal, triage, "clinic-unlimited", seconds, "flooder's limit lifted");
                report.line(limited.row());
                report.line(unlimited.row());
                report.table("The red flags' path, hop by hop (wall clock on the one machine):", "| run " + AlertPath.header(),
                        List.of("| write limits on " + limited.path(), "| flooder's limit lifted " + unlimited.path()));
            }
            report.line("");
            report.line(warmup.describe());
            report.line("");
            report.line("Anchor, same broker, same run: " + KafkaAnchors.endToEndLatency(system.kafka().bootstrapServers()));
            report.publish("noisy-neighbour.md");
        }
    }

    /** One run's row of the table, its red flags' hops, and their median latency in milliseconds. */
    private record Run(String row, String path, double p50Millis) {
    }

    private static Run run(EmergencyWatcher watcher, String journal, String triage, String clinic, int seconds,
            String label) throws Exception {
        HttpClient http = OpenLoad.httpClient();
        String flooder = "flooder-" + clinic;
        String flooderToken = DevTokens.token(clinic, "patient", flooder, Instant.now(), Duration.ofHours(2));
        String staff = DevTokens.token(clinic, "clinician", "dr-bench", Instant.now(), Duration.ofHours(2));
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < IN_FLIGHT; t++) {
            Thread loop = new Thread(() -> {
                HttpRequest post = HttpRequest.newBuilder(URI.create(journal + "/api/v1/patients/" + flooder + "/entries"))
                        .header("Authorization", "Bearer " + flooderToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"intensity\": 5, \"qualities\": [\"ACHING\"]}")).build();
                while (flooding.get()) {
                    try {
                        int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? created : refused).incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }, "flooder-" + t);
            loop.setDaemon(true);
            loop.start();
            loops.add(loop);
        }
        Recorder recorder = new Recorder(3);
        AlertPath path = new AlertPath();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        Random random = new Random(seconds);
        List<CompletableFuture<Boolean>> seen = new ArrayList<>();
        for (int i = 0; i < RED_FLAGS; i++) {
            String patient = "pat-" + clinic + "-" + i;
            String token = RedFlags.tokenOf(clinic, patient);
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            seen.add(done);
            pollers.schedule(() -> RedFlags.timed(watcher, http, journal, patient, token, recorder, path,
                    Duration.ofMinutes(5)).thenAccept(done::complete),
                    random.nextInt(seconds * 1000), TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        flooding.set(false);
        for (Thread loop : loops) {
            loop.join(10_000);
        }
        CompletableFuture.allOf(seen.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        pollers.shutdownNow();
        List<String> alertedPatients = new ArrayList<>();
        for (int i = 0; i < RED_FLAGS; i++) {
            if (seen.get(i).join()) {
                alertedPatients.add("pat-" + clinic + "-" + i);
            }
        }
        long alerted = RedFlags.statusAgrees(http, triage, staff, alertedPatients);
        var latencies = recorder.getIntervalHistogram();
        return new Run("| %s | %d / %d | %d / %d | %s |".formatted(label, created.get(), refused.get(), alerted, RED_FLAGS,
                Report.millis(latencies)), path.cells(), latencies.getValueAtPercentile(50) / 1000.0);
    }
}
