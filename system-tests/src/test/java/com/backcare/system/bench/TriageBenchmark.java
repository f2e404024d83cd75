package com.backcare.system.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.Topics;
import com.backcare.localstack.DevTokens;
import com.backcare.localstack.EmbeddedPostgresServer;
import com.backcare.localstack.LocalSystem;

/**
 * triage-service: (1) at fixed rates of red-flag entries POSTed to the journal, the time from the journal's answer
 * (its commit) until the patient's status shows the alert through the triage API; (2) how fast triage drains a backlog
 * of journal events produced while it was down. Run: see README, "Benchmarks".
 */
public final class TriageBenchmark {

    private static final String CLINIC = "clinic-bench";

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("rates", "10,25,50").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("seconds", 30);
        int backlog = Integer.getInteger("backlog", 100_000);
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        // What each database does per red flag is a cost no CPU contention on a shared machine can blur.
        System.setProperty(EmbeddedPostgresServer.STATEMENT_STATS, "true");
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-bench"))
                .withJvmOptions(ProductionJvm.options());
        try (LocalSystem system = new LocalSystem(settings).start(Duration.ofMinutes(3))) {
            Report report = new Report("triage-service: commit-to-alert latency and backlog drain",
                    "Red-flag entries (bladder dysfunction) POSTed to journal-service at a fixed rate, each for a new "
                            + "patient; latency is from the journal's 201 (its commit) until triage publishes the patient's "
                            + "EMERGENCY status on " + Topics.PATIENT_STATUS_EVENTS + " (one watching consumer, as a "
                            + "subscriber would; after the step, each alerted patient's status API is read once and must agree, read then so "
                            + "that checking does not load what is measured). Services on "
                            + ProductionJvm.describe() + ", after a measured warm-up (below); everything on one machine. "
                            + "Statements per red flag: what each database ran during the step (pg_stat_statements, BEGIN "
                            + "included, with the services' timed jobs), over its entries.");
            report.line("| entries/s | entries | EMERGENCY published | status API agrees | commit→EMERGENCY p50 | p90 | p99 | max (ms) "
                    + "| statements per red flag: journal | triage | catalog |");
            report.line("|---|---|---|---|---|---|---|---|---|---|---|");
            String journal = settings.service("journal-service").baseUrl();
            String triage = settings.service("triage-service").baseUrl();
            WarmUp.Rounds warmup;
            Step last = null;
            List<String> paths = new java.util.ArrayList<>();
            List<String> costs = new java.util.ArrayList<>();
            try (EmergencyWatcher watcher = new EmergencyWatcher(system.kafka().bootstrapServers())) {
                // The first round at 25 a second, for cold JVMs; then 100, so that the compilers finish in minutes.
                warmup = WarmUp.untilSettled(system, "20 s at 100 red flags a second (the first at 25)", round ->
                        latency(watcher, system.postgres(), journal, triage, round == 0 ? 25 : 100, 20, "warmup" + round,
                                null).p50());
                CpuMeter cpu = new CpuMeter(system);
                for (int i = 0; i < rates.length; i++) {
                    // New patients at every step, even when a rate is given twice.
                    last = latency(watcher, system.postgres(), journal, triage, rates[i], seconds, "r" + i + "x" + rates[i],
                            cpu);
                    report.line(last.row());
                    paths.add("| " + rates[i] + " " + last.path());
                    costs.add("| " + rates[i] + " " + last.cost());
                }
            }
            report.line("");
            report.line(warmup.describe());
            report.table("Where the time went, hop by hop (wall clock on the one machine; the journal's and triage's "
                    + "outbox relays are the first and third hops):", "| entries/s " + AlertPath.header(), paths);
            report.table("What each red flag cost in CPU, per process (the step's CPU time over its entries):",
                    "| entries/s " + CpuMeter.header(), costs);
            report.line("");
            report.line("Triage's most frequent statements in the last step, per red flag:");
            report.line("");
            report.line("| per red flag | statement |");
            report.line("|---|---|");
            int lastStepEntries = rates[rates.length - 1] * seconds;
            for (var count : last.statements().stream().filter(c -> c.database().equals("triage")).limit(15).toList()) {
                report.line("| %.2f | `%s` |".formatted(count.calls() / (double) lastStepEntries, cell(count)));
            }
            report.line("");
            report.line("Where PostgreSQL's time went in the last step: the statements it spent longest executing, all "
                    + "databases (execution only: parsing, planning, commits and background work are not in it), per red flag:");
            report.line("");
            report.line("| database | µs per red flag | calls per red flag | statement |");
            report.line("|---|---|---|---|");
            for (var count : last.statements().stream().sorted(java.util.Comparator.comparingDouble(
                    EmbeddedPostgresServer.StatementCount::executionMillis).reversed()).limit(15).toList()) {
                report.line("| %s | %.1f | %.2f | `%s` |".formatted(count.database(),
                        count.executionMillis() * 1000 / lastStepEntries, count.calls() / (double) lastStepEntries,
                        cell(count)));
            }
            report.line("");
            report.line("Anchor, same broker, same run: " + KafkaAnchors.endToEndLatency(system.kafka().bootstrapServers()));
            if (backlog > 0) {
                drain(system, backlog, report);
            }
            report.publish("triage.md");
        }
    }

    /**
     * One step's row of the table, its hops, its CPU cost per red flag, its median in milliseconds, and the statements
     * the databases ran in it.
     */
    private record Step(String row, String path, String cost, double p50,
            List<EmbeddedPostgresServer.StatementCount> statements) {
    }

    private static Step latency(EmergencyWatcher watcher, EmbeddedPostgresServer postgres, String journal, String triage,
            int rate, int seconds, String tag, CpuMeter cpu) throws Exception {
        postgres.statementsSinceLastAsked();
        HttpClient http = OpenLoad.httpClient();
        Recorder recorder = new Recorder(3);
        AlertPath path = new AlertPath();
        String staff = DevTokens.token(CLINIC, "clinician", "dr-bench", Instant.now(), Duration.ofHours(2));
        int total = rate * seconds;
        String[] patients = new String[total];
        String[] tokens = new String[total];
        for (int i = 0; i < total; i++) {
            patients[i] = "pat-" + tag + "-" + i;
            tokens[i] = RedFlags.tokenOf(CLINIC, patients[i]);
        }
        if (cpu != null) {
            cpu.restart(); // the step's cost starts with its load
        }
        List<CompletableFuture<Boolean>> pending = new java.util.ArrayList<>(total);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            for (long wait; (wait = intended - System.nanoTime()) > 0;) {
                LockSupport.parkNanos(wait);
            }
            pending.add(RedFlags.timed(watcher, http, journal, patients[i], tokens[i], recorder, path, Duration.ofSeconds(60)));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        String cost = cpu == null ? "" : cpu.perOperation(total);
        List<EmbeddedPostgresServer.StatementCount> statements = postgres.statementsSinceLastAsked();
        List<String> alerted = java.util.stream.IntStream.range(0, total).filter(i -> pending.get(i).join())
                .mapToObj(i -> patients[i]).toList();
        long confirmed = RedFlags.statusAgrees(http, triage, staff, alerted);
        Histogram h = recorder.getIntervalHistogram();
        return new Step("| %d | %d | %d | %d | %s | %s | %s | %s |".formatted(rate, total, h.getTotalCount(), confirmed,
                Report.millis(h), perRedFlag(statements, "journal", total), perRedFlag(statements, "triage", total),
                perRedFlag(statements, "catalog", total)), path.cells(), cost, h.getValueAtPercentile(50) / 1000.0,
                statements);
    }

    /** A statement's text for a table cell: on one line, its pipes escaped, its first 110 characters. */
    private static String cell(EmbeddedPostgresServer.StatementCount count) {
        String statement = count.statement().replaceAll("\\s+", " ").replace("|", "\\|");
        return statement.substring(0, Math.min(110, statement.length()));
    }

    private static String perRedFlag(List<EmbeddedPostgresServer.StatementCount> statements, String database, int redFlags) {
        long calls = statements.stream().filter(c -> c.database().equals(database))
                .mapToLong(EmbeddedPostgresServer.StatementCount::calls).sum();
        return calls == 0 ? "-" : "%.1f".formatted(calls / (double) redFlags);
    }

    /**
     * Stops triage, produces a backlog of journal events, restarts it and times until its consumer lag is zero; writes
     * the figures, and each process's CPU per event over the drain, to the report.
     */
    private static void drain(LocalSystem system, int events, Report report) throws Exception {
        system.crash("triage-service");
        String bootstrap = system.kafka().bootstrapServers();
        int patients = 2_000;
        long produceStart = System.nanoTime();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144"),
                new StringSerializer(), new StringSerializer())) {
            Instant base = Instant.now().minus(Duration.ofDays(30));
            for (int i = 0; i < events; i++) {
                String patient = "backlog-" + (i % patients);
                int n = i / patients; // the n-th entry of this patient, a few hours apart
                String symptoms = n % 25 == 24 ? ", \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}]" : "";
                PainReport entry = EventJson.mapper().readValue("{\"recordedAt\": \"" + base.plus(Duration.ofHours(12L * n))
                        + "\", \"intensity\": " + (2 + (i * 7 % 6)) + ", \"qualities\": [\"ACHING\"]" + symptoms + "}", PainReport.class);
                EventEnvelope event = EventEnvelope.of(EventType.ENTRY_RECORDED, "/bench", CLINIC, patient, Instant.now(),
                        EventJson.mapper().valueToTree(new EntryEventData(UUID.randomUUID().toString(), 1, entry)));
                producer.send(new ProducerRecord<>(Topics.JOURNAL_EVENTS, patient, EventJson.mapper().writeValueAsString(event)));
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - produceStart) / 1e9;
        long restart = System.nanoTime();
        system.restart("triage-service", Duration.ofMinutes(2));
        double startup = (System.nanoTime() - restart) / 1e9;
        CpuMeter cpu = new CpuMeter(system); // from the restarted triage's readiness: the drain, not its start-up
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (lag(admin) > 0) {
                Thread.sleep(500);
                if (System.nanoTime() - restart > TimeUnit.MINUTES.toNanos(20)) {
                    report.line("").line("Backlog: gave up after 20 minutes with " + lag(admin) + " events left.");
                    return;
                }
            }
        }
        double drained = (System.nanoTime() - restart) / 1e9;
        String cpuPerEvent = cpu.perOperation(events);
        String anchor = KafkaAnchors.consumerPerformance(bootstrap, Topics.JOURNAL_EVENTS, events);
        report.line("").line(("Backlog: %d journal events for %d patients (about 1 in 25 with a one-sided leg symptom) produced in %.1f s "
                + "while triage was down; after a restart (ready in %.1f s) triage drained them in %.1f s from the restart: "
                + "**%.0f events/s** including start-up, %.0f events/s after it.").formatted(events, patients, produced,
                startup, drained, events / drained, events / (drained - startup)) + " Anchor: " + anchor + ".");
        report.table("CPU per event from triage's readiness until the lag was 0 (every process, whatever it did meanwhile):",
                CpuMeter.header(), List.of(cpuPerEvent));
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets("triage-service").partitionsToOffsetAndMetadata().get();
        var ends = admin.listOffsets(committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.JOURNAL_EVENTS))
                .collect(java.util.stream.Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (var e : ends.entrySet()) {
            lag += e.getValue().offset() - committed.get(e.getKey()).offset();
        }
        return ends.isEmpty() ? Long.MAX_VALUE : lag;
    }
}
