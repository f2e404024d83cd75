package com.backcare.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;
import com.sun.net.httpserver.HttpServer;

/**
 * Two instances of each service on one Kafka broker and one PostgreSQL, as a clinic runs BackCare on several machines.
 * A clinic's journal is posted through both journal instances (a client that fails over) while one journal and one
 * catalog instance are SIGKILLed mid-stream; triage, paused meanwhile, finds a backlog, and one of its instances is
 * SIGKILLed as the two start to drain it. It must end exactly as an undisturbed clinic: nothing lost or applied twice, each
 * partition consumed by one instance at a time, each patient's events published in order (one relay at a time), and
 * every escalation made once and every webhook delivery made once, but for a call the killed instance had made and
 * could not record: webhooks are at least once, and that call is made again only when its lease runs out. The figures
 * go to target/scale-out.md.
 */
class ScaleOutIT extends AgainstTheRunningSystem {

    private static final String CLINIC = "scale-out";
    private static final String[] GROUPS = { "triage-service", "catalog-service" };
    private static final int CONSUMERS_PER_INSTANCE = 2;
    /** triage.webhooks: calls in flight to one webhook, and a claim's lease (the 5 s timeout and a 10 s margin). */
    private static final int PER_WEBHOOK_IN_FLIGHT = 4;
    private static final Duration WEBHOOK_LEASE = Duration.ofSeconds(15);

    private static LocalSystem.Service journal2;

    @BeforeAll
    static void aSecondInstanceOfEachService() {
        journal2 = system.startInstance("journal-service", "journal-service-2", "journal", Map.of(), Duration.ofMinutes(2));
        system.startInstance("triage-service", "triage-service-2", "triage", Map.of("triage.escalation.check-every", "1s"),
                Duration.ofMinutes(2));
        system.startInstance("catalog-service", "catalog-service-2", "catalog", Map.of(), Duration.ofMinutes(2));
    }

    private static List<String> journals() {
        return List.of(baseUrl("journal-service"), journal2.baseUrl());
    }

    @Test
    void twoInstancesOfEachServiceShareTheWorkAndLosingOneOfEachLosesNothing() throws Exception {
        SystemOutcomes outcomes = new SystemOutcomes(system);
        FaultWorkload undisturbed = new FaultWorkload(journals(), "scale-undisturbed");
        undisturbed.post(Duration.ZERO);
        outcomes.awaitApplied("scale-undisturbed", System.nanoTime());
        List<String> undisturbedAlerts = outcomes.alertsOf("scale-undisturbed");
        for (String group : GROUPS) {
            assertEachPartitionHeldByOneOf(group, 2);
        }

        acknowledgeEmergenciesWithinAMinute();
        Map<String, List<Long>> callsByEvent = new ConcurrentHashMap<>();
        HttpServer subscriber = subscriber(callsByEvent);
        try {
            subscribe("http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook");
            FaultWorkload workload = new FaultWorkload(journals(), CLINIC);
            // Both triage instances are paused (SIGSTOP) while the clinic writes, so its events wait as a backlog.
            system.freeze("triage-service");
            system.freeze("triage-service-2");
            CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> {
                try {
                    workload.post(Duration.ofSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(5_000);
            system.crash("journal-service"); // the first instance; the second takes the writes (the client fails over)
            system.crash("catalog-service");
            ingest.get(5, TimeUnit.MINUTES);
            // The backlog is drained by the two triage instances, and one of them dies as the drain starts.
            system.thaw("triage-service");
            system.thaw("triage-service-2");
            Thread.sleep(500);
            system.crash("triage-service");
            long killed = System.nanoTime();

            SystemOutcomes.Figures figures = outcomes.endsAs(undisturbedAlerts, CLINIC, workload, killed);
            for (String group : GROUPS) {
                assertEachPartitionHeldByOneOf(group, 1);
            }
            assertEachPatientsEventsPublishedInOrder(outcomes.publishedEvents(CLINIC));
            int escalated = awaitEachEmergencyEscalatedOnce(outcomes);
            int changes = Integer.parseInt(outcomes.query("triage", "SELECT count(*)::text FROM alert_change c JOIN alert a "
                    + "ON a.id = c.alert_id WHERE a.clinic_id = ?", CLINIC).get(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (callsByEvent.size() < changes && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(changes, callsByEvent.size(), "the webhook received every alert change");
            int calls = callsByEvent.values().stream().mapToInt(List::size).sum();
            int madeAgain = assertEachCallMadeOnceButForTheKilledInstancesUnrecorded(callsByEvent, killed);
            assertEquals(changes + madeAgain, calls, "every other change called once: " + callsByEvent);
            report(figures, escalated, changes, calls, madeAgain);
        } finally {
            subscriber.stop(0);
        }
    }

    /**
     * Every partition of the journal's topic is held by exactly one consumer of the group, and the group has the
     * consumers of {@code instances} instances (each instance runs {@value #CONSUMERS_PER_INSTANCE}: triage two threads
     * on the journal's topic, the catalog one on it and one on patient status).
     */
    private static void assertEachPartitionHeldByOneOf(String group, int instances) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.kafka().bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.JOURNAL_EVENTS)).allTopicNames().get()
                    .get(Topics.JOURNAL_EVENTS).partitions().size();
            while (true) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                Map<TopicPartition, Integer> holders = new HashMap<>();
                for (MemberDescription member : description.members()) {
                    for (TopicPartition tp : member.assignment().topicPartitions()) {
                        if (tp.topic().equals(Topics.JOURNAL_EVENTS)) {
                            holders.merge(tp, 1, Integer::sum);
                        }
                    }
                }
                if (holders.size() == partitions && holders.values().stream().allMatch(n -> n == 1)
                        && description.members().size() == instances * CONSUMERS_PER_INSTANCE) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, group + " did not settle on " + instances + " instance(s) holding "
                        + "each of " + partitions + " partitions once: " + holders + ", " + description.members().size()
                        + " consumers");
                Thread.sleep(500);
            }
        }
    }

    private static void assertEachPatientsEventsPublishedInOrder(List<EventEnvelope> published) {
        Map<String, List<Instant>> byPatient = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (EventEnvelope event : published) {
            if (seen.add(event.id())) { // a record re-sent after a crash comes after its first copy
                byPatient.computeIfAbsent(event.patientid(), p -> new ArrayList<>())
                        .add(Instant.parse(event.data().path("entry").path("recordedAt").asText()));
            }
        }
        byPatient.forEach((patient, times) -> {
            List<Instant> sorted = new ArrayList<>(times);
            sorted.sort(null);
            assertEquals(sorted, times, patient + "'s events were published in the order they were written");
        });
    }

    /** Waits until every EMERGENCY alert of the clinic escalated, and checks each escalation was recorded once. */
    private static int awaitEachEmergencyEscalatedOnce(SystemOutcomes outcomes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> levels;
        do {
            Thread.sleep(1_000);
            levels = outcomes.query("triage", "SELECT a.escalation_level || ' ' || (SELECT count(*) FROM alert_change c "
                    + "WHERE c.alert_id = a.id AND c.action = 'ESCALATED') FROM alert a "
                    + "WHERE a.clinic_id = ? AND a.tier = 'EMERGENCY'", CLINIC);
        } while (levels.stream().anyMatch(l -> l.startsWith("0 ")) && System.nanoTime() < deadline);
        assertEquals(FaultWorkload.PATIENTS, levels.size());
        int escalations = 0;
        for (String line : levels) {
            String[] levelAndRecorded = line.split(" ");
            assertTrue(Integer.parseInt(levelAndRecorded[0]) >= 1, "every EMERGENCY alert escalated: " + levels);
            assertEquals(levelAndRecorded[0], levelAndRecorded[1], "each escalation happened and was recorded once");
            escalations += Integer.parseInt(levelAndRecorded[1]);
        }
        return escalations;
    }

    private static void acknowledgeEmergenciesWithinAMinute() throws Exception {
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                system.settings().service("triage-service").baseUrl() + "/api/v1/clinics/" + CLINIC + "/triage-settings"))
                .header("Authorization", "Bearer " + DevTokens.token(CLINIC, "clinic-admin", "admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ageThreshold\": 50, \"acknowledgeWithin\": "
                        + "{\"EMERGENCY\": \"PT1M\", \"URGENT\": \"PT4H\", \"SOON\": \"P3D\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
    }

    /**
     * A webhook call is recorded after its answer. One the killed instance made but did not live to record is made again
     * by the survivor once its lease runs out, as at-least-once delivery promises (the subscriber deduplicates by
     * {@code X-BackCare-Event}). So an event may be called twice only if its first call came before the kill and the
     * second a lease later, and no more of them than the killed instance could have had in flight.
     */
    private static int assertEachCallMadeOnceButForTheKilledInstancesUnrecorded(Map<String, List<Long>> callsByEvent,
            long killed) {
        int madeAgain = 0;
        for (Map.Entry<String, List<Long>> event : callsByEvent.entrySet()) {
            List<Long> times = event.getValue();
            if (times.size() == 1) {
                continue;
            }
            assertEquals(2, times.size(), event.getKey() + " called more than once again: " + callsByEvent);
            assertTrue(times.get(0) <= killed + TimeUnit.SECONDS.toNanos(1),
                    event.getKey() + " was called again though its first call came after the kill");
            assertTrue(times.get(1) - times.get(0) >= WEBHOOK_LEASE.minusSeconds(1).toNanos(),
                    event.getKey() + " was called again before its first call's lease ran out");
            madeAgain++;
        }
        assertTrue(madeAgain <= PER_WEBHOOK_IN_FLIGHT, madeAgain + " calls made again, more than the killed instance "
                + "could have had in flight");
        return madeAgain;
    }

    private static HttpServer subscriber(Map<String, List<Long>> callsByEvent) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long at = System.nanoTime();
            callsByEvent.computeIfAbsent(exchange.getRequestHeaders().getFirst("X-BackCare-Event"),
                    event -> Collections.synchronizedList(new ArrayList<>())).add(at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void subscribe(String url) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                system.settings().service("triage-service").baseUrl() + "/api/v1/clinics/" + CLINIC + "/webhooks"))
                .header("Authorization", "Bearer " + DevTokens.token(CLINIC, "clinic-admin", "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static void report(SystemOutcomes.Figures figures, int escalations, int changes, int calls, int madeAgain)
            throws Exception {
        List<String> lines = List.of(
                "| two instances of each service; one journal and one catalog SIGKILLed mid-stream, one triage as it "
                        + "began to drain a backlog | figure |", "|---|---|",
                "| entries acknowledged | " + figures.acknowledged() + " |",
                "| lost | " + figures.lost() + " |",
                "| stored twice in the journal | " + figures.duplicated() + " |",
                "| records re-sent on the topic (deduplicated by the consumers) | " + figures.resent() + " |",
                "| client retries on the other journal instance | " + figures.retried() + " |",
                "| seconds from the triage kill (as the backlog's drain began) until triage and the catalog held every entry | "
                        + "%.1f".formatted(figures.recoveredSeconds()) + " |",
                "| escalations (each recorded once) | " + escalations + " |",
                "| webhook calls for " + changes + " alert changes | " + calls + " |",
                "| of them made again a lease after the kill (the killed instance's unrecorded calls) | " + madeAgain + " |");
        Path file = Path.of("target", "scale-out.md");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }
}
