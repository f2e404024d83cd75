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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;

/**
 * What open live streams cost while nothing happens, and how soon a red flag reaches every clinician's screen of its
 * clinic while many streams are open. {@code -Dstreams} streams stay open, as a clinic's screens and its patients'
 * apps keep them: half are clinicians' alert streams (10 a clinic), half patients' status streams. Measured: the CPU
 * triage and PostgreSQL spend a second while nothing changes, first with no stream open and then with all of them (each
 * after as long again to settle); then
 * {@code -DredFlags} red flags, one every 250 ms, each timed from the journal's 201 until the alert is on the last of
 * its clinic's 10 clinician streams. With {@code -Dinstances=2} a second triage instance runs and the streams are
 * spread over both, so an alert reaches some of its screens through the instance that did not commit it. The anchor,
 * same broker, same run: Kafka's EndToEndLatency.
 *
 * <pre>./mvnw -B -Pbenchmark -Dbenchmark=WatchersBenchmark -Dstreams=400 -Dseconds=30 -DskipTests -pl system-tests verify</pre>
 */
public final class WatchersBenchmark {

    private static final int CLINICIANS_PER_CLINIC = 10;

    public static void main(String[] args) throws Exception {
        int streams = Integer.getInteger("streams", 400);
        int seconds = Integer.getInteger("seconds", 30);
        int redFlags = Integer.getInteger("redFlags", 80);
        int instances = Integer.getInteger("instances", 1);
        int clinics = Math.max(1, streams / 2 / CLINICIANS_PER_CLINIC);
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-bench"))
                .withJvmOptions(ProductionJvm.options());
        try (LocalSystem system = new LocalSystem(settings).start(Duration.ofMinutes(3))) {
            String journal = settings.service("journal-service").baseUrl();
            List<String> triage = new ArrayList<>(List.of(settings.service("triage-service").baseUrl()));
            for (int i = 2; i <= instances; i++) {
                triage.add(system.startInstance("triage-service", "triage-service-" + i, "triage", Map.of(),
                        Duration.ofMinutes(2)).baseUrl());
            }
            Report report = new Report("Watchers: what open live streams cost, and how soon an alert reaches them",
                    streams + " streams open: " + clinics * CLINICIANS_PER_CLINIC + " clinicians' alert streams ("
                            + CLINICIANS_PER_CLINIC + " in each of " + clinics + " clinics) and " + (streams
                                    - clinics * CLINICIANS_PER_CLINIC)
                            + " patients' status streams. Idle cost: CPU a second over " + seconds + " s with nothing "
                            + "changing. Alert latency: from the journal's 201 for a red-flag entry until the alert is on "
                            + "the last of its clinic's " + CLINICIANS_PER_CLINIC + " clinician streams; " + redFlags
                            + " red flags, one every 250 ms. " + (instances == 1 ? "One triage instance"
                                    : instances + " triage instances, each clinic's and patient's streams spread over "
                                            + "them, so most alerts reach some of their screens through an instance "
                                            + "that did not commit them")
                            + ". Services on " + ProductionJvm.describe()
                            + ", everything on one machine.");
            HttpClient http = OpenLoad.httpClient();
            Screens screens = new Screens(http, triage);
            WarmUp.Rounds warmup = WarmUp.untilSettled(system, "20 red flags to one clinic's 10 screens", round -> {
                Screens few = new Screens(http, triage);
                few.openClinic("warm-" + round);
                double p50 = redFlags(few, http, journal, List.of("warm-" + round), 20).getIntervalHistogram()
                        .getValueAtPercentile(50) / 1000.0;
                few.close();
                return p50;
            });

            Thread.sleep(seconds * 1000L); // what the warm-up made the JIT compile
            CpuMeter idle = new CpuMeter(system);
            Thread.sleep(seconds * 1000L);
            String none = idle.perOperation(seconds);
            List<String> clinicIds = new ArrayList<>();
            for (int c = 0; c < clinics; c++) {
                clinicIds.add("watched-" + c);
                screens.openClinic("watched-" + c);
            }
            for (int p = 0; p < streams - clinics * CLINICIANS_PER_CLINIC; p++) {
                screens.openPatient("watched-" + (p % clinics), "app-" + p);
            }
            screens.awaitOpen(streams, Duration.ofMinutes(2));
            Thread.sleep(seconds * 1000L); // the streams' first looks done, and what they made the JIT compile
            idle.restart();
            long linesBefore = screens.lines.get();
            Thread.sleep(seconds * 1000L);
            String all = idle.perOperation(seconds);
            long linesWhileIdle = screens.lines.get() - linesBefore;

            Recorder latencies = redFlags(screens, http, journal, clinicIds, redFlags);
            var histogram = latencies.getIntervalHistogram();
            report.line("| streams open | " + CpuMeter.header().substring(2).replace("per op", "per second idle"));
            report.line("|---|---|---|---|---|---|---|");
            report.line("| 0 " + none);
            report.line("| " + streams + " " + all);
            report.line("");
            report.line("Lines the " + streams + " streams received in " + seconds + " s of nothing changing: "
                    + linesWhileIdle + " (keep-alive comments).");
            report.line("");
            report.line("| streams open | triage instances | red flags | on all " + CLINICIANS_PER_CLINIC
                    + " of the clinic's screens | 201→last screen p50 | p90 | p99 | max (ms) |");
            report.line("|---|---|---|---|---|---|---|---|");
            report.line("| %d | %d | %d | %d | %s |".formatted(streams, instances, redFlags, histogram.getTotalCount(),
                    Report.millis(histogram)));
            report.line("");
            report.line(warmup.describe());
            report.line("");
            report.line("Anchor, same broker, same run: " + KafkaAnchors.endToEndLatency(system.kafka().bootstrapServers()));
            screens.close();
            report.publish("watchers.md");
        }
    }

    /** Red flags for new patients of these clinics in turn, one every 250 ms; the latency until all its screens show it. */
    private static Recorder redFlags(Screens screens, HttpClient http, String journal, List<String> clinics, int count)
            throws Exception {
        Recorder recorder = new Recorder(3);
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String clinic = clinics.get(i % clinics.size());
            String patient = "flag-" + clinic + "-" + i;
            CompletableFuture<Long> onAllScreens = screens.expect(clinic, patient);
            HttpRequest post = RedFlags.entry(journal, patient, RedFlags.tokenOf(clinic, patient));
            done.add(http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).thenCompose(created -> {
                long createdAt = System.nanoTime();
                return created.statusCode() != 201 ? CompletableFuture.completedFuture(null)
                        : onAllScreens.orTimeout(1, TimeUnit.MINUTES).thenAccept(
                                shown -> recorder.recordValue(Math.max(1, (shown - createdAt) / 1_000)));
            }).exceptionally(e -> null));
            Thread.sleep(250);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return recorder;
    }

    /** Open SSE connections to triage, read without a thread each; counts what arrives and when each alert arrives. */
    private static final class Screens implements AutoCloseable {
        private final HttpClient http;
        private final List<String> triage;
        private int requested;
        private final List<Flow.Subscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicLong opened = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        /** Per clinic and patient, the screens still to show the patient's alert. */
        private final Map<String, Pending> pending = new ConcurrentHashMap<>();

        private record Pending(CompletableFuture<Long> shown, java.util.concurrent.atomic.AtomicInteger left) {
        }

        Screens(HttpClient http, List<String> triage) {
            this.http = http;
            this.triage = triage;
        }

        void openClinic(String clinic) {
            for (int d = 0; d < CLINICIANS_PER_CLINIC; d++) {
                open("/api/v1/alerts/stream", DevTokens.token(clinic, "clinician", "dr-" + d, Instant.now(),
                        Duration.ofHours(2)), clinic);
            }
        }

        void openPatient(String clinic, String patient) {
            open("/api/v1/patients/" + patient + "/status/stream", RedFlags.tokenOf(clinic, patient), null);
        }

        CompletableFuture<Long> expect(String clinic, String patient) {
            Pending p = new Pending(new CompletableFuture<>(), new java.util.concurrent.atomic.AtomicInteger(
                    CLINICIANS_PER_CLINIC));
            pending.put(clinic + "/" + patient, p);
            return p.shown();
        }

        void awaitOpen(int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (opened.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (opened.get() < count) {
                throw new IllegalStateException(opened.get() + " of " + count + " streams opened");
            }
        }

        private void open(String path, String token, String clinic) {
            String instance = triage.get(requested++ % triage.size()); // spread over the instances, as a load balancer
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance + path)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriptions.add(subscription);
                    opened.incrementAndGet();
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    lines.incrementAndGet();
                    if (clinic != null && line.startsWith("data:") && line.contains("\"RAISED\"")) {
                        int at = line.indexOf("\"patientId\":\"");
                        String patient = line.substring(at + 13, line.indexOf('"', at + 13));
                        Pending p = pending.get(clinic + "/" + patient);
                        if (p != null && p.left().decrementAndGet() == 0) {
                            p.shown().complete(System.nanoTime());
                        }
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            }));
        }

        /** Closes every stream: cancelling a response body's subscription closes its connection. */
        @Override
        public void close() {
            subscriptions.forEach(Flow.Subscription::cancel);
        }
    }
}
