package com.backcare.system.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.backcare.events.EventJson;
import com.backcare.events.Topics;
import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;

/**
 * POSTs realistic pain entries at fixed arrival rates and reports throughput, latency percentiles, and the time
 * from the entry's commit to its event's arrival on Kafka. Starts its own system on free loopback ports.
 * Run: see README, "Benchmarks".
 */
public final class JournalWriteBenchmark {

    private static final String BODY = """
            {"intensity": %d, "locations": [{"site": "LOWER_BACK", "side": "LEFT"}, {"site": "BUTTOCK", "side": "LEFT"}],
             "qualities": ["ACHING", "STIFF"], "onset": "GRADUAL", "timing": ["ON_WAKING", "WITH_MOVEMENT"],
             "triggers": ["SITTING", "BENDING_FORWARD"], "relievingFactors": ["HEAT", "MOVEMENT"],
             "exercises": [{"exercise": "bird-dog", "durationMinutes": 10, "effort": 4, "sets": 2, "reps": 10},
                           {"exercise": "walking", "durationMinutes": 25, "effort": 3}],
             "medications": [{"name": "ibuprofen", "dose": "400 mg", "effect": "SOME"}], "treatments": ["HEAT"],
             "selfTests": {"FLEXION": "REPRODUCES_PAIN", "EXTENSION": "NO_PAIN"},
             "notes": "Stiff after a long day at the desk; better after the evening walk."}""";

    /** Well below what the journal serves on two shared cores, so a round measures the code's speed, not a queue. */
    private static final int WARMUP_RATE = 100;

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("rates", "50,100,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("seconds", 30);
        int patients = 500;
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-bench"))
                .withJvmOptions(ProductionJvm.options());
        try (LocalSystem system = new LocalSystem(settings).start(Duration.ofMinutes(3))) {
            String journal = settings.service("journal-service").baseUrl();
            String[] tokens = new String[patients];
            for (int p = 0; p < patients; p++) {
                tokens[p] = DevTokens.token("clinic-bench", "patient", "pat-" + p, Instant.now(), Duration.ofHours(4));
            }
            OpenLoad load = new OpenLoad();
            java.util.function.IntFunction<HttpRequest> post = i -> HttpRequest.newBuilder(
                    URI.create(journal + "/api/v1/patients/pat-" + (i % patients) + "/entries"))
                    .header("Authorization", "Bearer " + tokens[i % patients])
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(i % 11))).build();

            Report report = new Report("journal-service: POST entry under a fixed arrival rate",
                    "Open-model load (latency from each request's intended start), realistic entry body with an "
                            + "Idempotency-Key, " + patients + " patients, " + seconds + " s per rate after a measured "
                            + "warm-up (below). Everything on one machine: the load driver, Kafka and PostgreSQL (one JVM), "
                            + "and the three services (one JVM each, -Xmx512m).");
            report.line("| rate (req/s) | sent | 201 | failed | achieved (req/s) | latency p50 | p90 | p99 | max (ms) "
                    + "| commit→Kafka p50 | p90 | p99 | max (ms) | outbox table, largest (kB) | its dead rows, most |");
            report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            WarmUp.Rounds warmup;
            List<String> costs = new java.util.ArrayList<>();
            try (LagProbe lag = new LagProbe(system.kafka().bootstrapServers());
                    OutboxProbe outbox = new OutboxProbe(system.postgres().jdbcUrl("journal"))) {
                warmup = WarmUp.untilSettled(system, "20 s at " + WARMUP_RATE + " a second",
                        round -> load.run(WARMUP_RATE, 20, post, status -> status == 201).latencyMicros()
                                .getValueAtPercentile(50) / 1000.0);
                CpuMeter cpu = new CpuMeter(system);
                for (int rate : rates) {
                    lag.reset();
                    outbox.reset();
                    cpu.restart();
                    OpenLoad.Result r = load.run(rate, seconds, post, status -> status == 201);
                    Thread.sleep(2_000); // let the last events arrive, and triage and the catalog apply them
                    costs.add("| " + rate + " " + cpu.perOperation(r.succeeded()));
                    report.line("| %d | %d | %d | %d | %.0f | %s | %s | %d | %d |".formatted(r.rate(), r.sent(), r.succeeded(),
                            r.failed(), r.achievedPerSecond(), Report.millis(r.latencyMicros()), Report.millis(lag.take()),
                            outbox.largestKilobytes(), outbox.mostDeadRows()));
                }
            }
            report.table("What each entry cost in CPU, per process (the 201s of the step over its CPU time, the 2 s after "
                    + "it included, while triage and the catalog consumed every event):", "| rate (req/s) " + CpuMeter.header(),
                    costs);
            report.line("");
            report.line(warmup.describe());
            report.line("");
            report.line("Anchor, same PostgreSQL server, same run: " + PgbenchAnchor.journalWrite(
                    system.postgres().port(), BODY.formatted(5), 8, 20));
            report.publish("journal-write.md");
        }
    }

    /**
     * Samples the outbox table's size on disk (with its indexes and TOAST) and its dead rows every second: a queue table
     * whose every row is inserted and deleted within moments must not grow with the load's duration.
     */
    static final class OutboxProbe implements AutoCloseable {
        private final java.sql.Connection connection;
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.atomic.AtomicLong largestBytes = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong mostDead = new java.util.concurrent.atomic.AtomicLong();

        OutboxProbe(String jdbcUrl) throws java.sql.SQLException {
            connection = java.sql.DriverManager.getConnection(jdbcUrl, "journal", "journal");
            sampler.scheduleAtFixedRate(this::sample, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }

        private void sample() {
            try (var statement = connection.createStatement(); var rs = statement.executeQuery(
                    "SELECT pg_total_relation_size('outbox_event'), coalesce((SELECT n_dead_tup FROM pg_stat_user_tables "
                            + "WHERE relname = 'outbox_event'), 0)")) {
                rs.next();
                largestBytes.accumulateAndGet(rs.getLong(1), Math::max);
                mostDead.accumulateAndGet(rs.getLong(2), Math::max);
            } catch (java.sql.SQLException e) {
                // a sample missed
            }
        }

        void reset() {
            largestBytes.set(0);
            mostDead.set(0);
        }

        long largestKilobytes() {
            return largestBytes.get() / 1024;
        }

        long mostDeadRows() {
            return mostDead.get();
        }

        @Override
        public void close() throws java.sql.SQLException {
            sampler.shutdownNow();
            connection.close();
        }
    }

    /** Consumes the journal topic and records, per event, arrival time minus the event's time (its commit). */
    static final class LagProbe implements AutoCloseable {
        private final AtomicReference<Histogram> histogram = new AtomicReference<>(new Histogram(3));
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        LagProbe(String bootstrap) throws InterruptedException {
            var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.JOURNAL_EVENTS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (var record : consumer.poll(Duration.ofMillis(50))) {
                            long arrived = System.currentTimeMillis();
                            try {
                                Instant time = Instant.parse(EventJson.mapper().readTree(record.value()).path("time").asText());
                                histogram.get().recordValue(Math.max(1, (arrived - time.toEpochMilli()) * 1000));
                            } catch (Exception ignored) {
                                // not an event of ours
                            }
                        }
                    }
                }
            }, "lag-probe");
            thread.start();
        }

        void reset() {
            histogram.set(new Histogram(3));
        }

        Histogram take() {
            return histogram.getAndSet(new Histogram(3));
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
