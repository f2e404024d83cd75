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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;

/**
 * catalog-service: filtered exercise lists under a fixed arrival rate, plain and as conditional requests that a
 * gateway cache would send (If-None-Match with the current ETag, answered 304). Run: see README, "Benchmarks".
 */
public final class CatalogBenchmark {

    private static final String[] QUERIES = {
            "condition=lumbar-disc-herniation&limit=20",
            "condition=spinal-stenosis,radiculopathy&category=CORE_STABILITY,MOBILITY_STRETCH&limit=20",
            "painLevel=8&equipment=none,mat&limit=20",
            "q=brid%20dog&limit=20",
            "condition=spondylolisthesis&include=avoid&maxLoad=LOW&limit=50" };

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("rates", "100,200,400").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("seconds", 30);
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-bench"))
                .withJvmOptions(ProductionJvm.options());
        try (LocalSystem system = new LocalSystem(settings).start(Duration.ofMinutes(3))) {
            String catalog = settings.service("catalog-service").baseUrl() + "/api/v1/exercises?";
            String token = DevTokens.token("clinic-bench", "patient", "pat-bench", Instant.now(), Duration.ofHours(2));
            OpenLoad load = new OpenLoad();
            String[] etags = new String[QUERIES.length];
            for (int i = 0; i < QUERIES.length; i++) {
                etags[i] = load.client().send(HttpRequest.newBuilder(URI.create(catalog + QUERIES[i]))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                        .headers().firstValue("ETag").orElseThrow();
            }
            IntFunction<HttpRequest> plain = i -> HttpRequest.newBuilder(
                    URI.create(catalog + QUERIES[i % QUERIES.length])).header("Authorization", "Bearer " + token).build();
            IntFunction<HttpRequest> conditional = i -> HttpRequest.newBuilder(
                    URI.create(catalog + QUERIES[i % QUERIES.length])).header("Authorization", "Bearer " + token)
                    .header("If-None-Match", etags[i % QUERIES.length]).build();
            Report report = new Report("catalog-service: filtered exercise lists",
                    "Open-model load over five filtered list queries (condition, several values, pain level, typo "
                            + "search, include=avoid), " + seconds + " s per rate after a measured warm-up (below); 'conditional' sends "
                            + "If-None-Match with the current ETag and gets 304. Everything on one machine.");
            report.line("| requests | rate (req/s) | sent | ok | failed | achieved (req/s) | latency p50 | p90 | p99 | max (ms) |");
            report.line("|---|---|---|---|---|---|---|---|---|---|");
            WarmUp.Rounds warmup = WarmUp.untilSettled(system, "15 s at 200 plain lists a second", round ->
                    load.run(200, 15, plain, s -> s == 200).latencyMicros().getValueAtPercentile(50) / 1000.0);
            for (int rate : rates) {
                OpenLoad.Result r = load.run(rate, seconds, plain, s -> s == 200);
                report.line(row("plain (200)", r));
                r = load.run(rate, seconds, conditional, s -> s == 304);
                report.line(row("conditional (304)", r));
            }
            report.line("");
            report.line(warmup.describe());
            report.line("");
            report.line("Throughput, closed loop (" + CLOSED_LOOP_CLIENTS + " clients each sending its next request as soon as "
                    + "the last is answered, " + seconds + " s each, same HTTP client); anchor: the same JVM's /q/health/live:");
            report.line("");
            report.line("| requests | answered | achieved (req/s) | ratio to /q/health/live |");
            report.line("|---|---|---|---|");
            String live = settings.service("catalog-service").baseUrl() + "/q/health/live";
            double anchor = closedLoop(load.client(), i -> HttpRequest.newBuilder(URI.create(live)).build(), 200, seconds);
            double plainRate = closedLoop(load.client(), plain, 200, seconds);
            double conditionalRate = closedLoop(load.client(), conditional, 304, seconds);
            report.line("| filtered list (200) | all 200 | %.0f | %.2f |".formatted(plainRate, plainRate / anchor));
            report.line("| filtered list, conditional (304) | all 304 | %.0f | %.2f |".formatted(conditionalRate, conditionalRate / anchor));
            report.line("| /q/health/live (anchor) | all 200 | %.0f | 1.00 |".formatted(anchor));
            if (Wrk.available()) {
                report.line("");
                report.line("The same, driven by wrk (C, 2 threads, 32 connections, " + seconds + " s each) instead of the JDK's "
                        + "client, so the driver takes less of the two cores:");
                report.line("");
                report.line("| requests | achieved (req/s) | wrong answers | latency p50 | p99 (ms) | ratio to /q/health/live |");
                report.line("|---|---|---|---|---|---|");
                String base = settings.service("catalog-service").baseUrl();
                List<String> paths = Arrays.stream(QUERIES).map(q -> "/api/v1/exercises?" + q).toList();
                Wrk.Result health = Wrk.run(base, List.of("/q/health/live"), Map.of(), List.of(), seconds);
                Wrk.Result lists = Wrk.run(base, paths, Map.of("Authorization", "Bearer " + token), List.of(), seconds);
                Wrk.Result cached = Wrk.run(base, paths, Map.of("Authorization", "Bearer " + token), List.of(etags), seconds);
                report.line(Wrk.row("filtered list (200)", lists, health));
                report.line(Wrk.row("filtered list, conditional (304)", cached, health));
                report.line(Wrk.row("/q/health/live (anchor)", health, health));
            } else {
                report.line("");
                report.line("(wrk is not installed: `apt-get install wrk` adds a run driven by it.)");
            }
            report.publish("catalog.md");
        }
    }

    private static final int CLOSED_LOOP_CLIENTS = 8;

    /** Requests per second answered with {@code expected} by clients that never wait between requests. */
    private static double closedLoop(HttpClient http, IntFunction<HttpRequest> request,
            int expected, int seconds) throws Exception {
        AtomicLong answered = new AtomicLong();
        AtomicBoolean wrong = new AtomicBoolean();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLOSED_LOOP_CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = client; System.nanoTime() < end; i += CLOSED_LOOP_CLIENTS) {
                    try {
                        if (http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode() == expected) {
                            answered.incrementAndGet();
                        } else {
                            wrong.set(true);
                        }
                    } catch (Exception e) {
                        wrong.set(true);
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        if (wrong.get()) {
            throw new IllegalStateException("some answers were not " + expected);
        }
        return answered.get() / (double) seconds;
    }

    private static String row(String kind, OpenLoad.Result r) {
        return "| %s | %d | %d | %d | %d | %.0f | %s |".formatted(kind, r.rate(), r.sent(), r.succeeded(), r.failed(),
                r.achievedPerSecond(), Report.millis(r.latencyMicros()));
    }
}
