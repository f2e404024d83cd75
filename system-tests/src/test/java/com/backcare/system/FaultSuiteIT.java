package com.backcare.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.RawTopicReader;

/**
 * Faults injected into the whole system (three service processes, one Kafka broker, one PostgreSQL server): each
 * clinic gets the same journal ({@link FaultWorkload}) while one fault strikes, and must end exactly as an undisturbed
 * clinic does: every acknowledged entry stored once in the journal, published, applied once by triage and the catalog,
 * nothing good dead-lettered, consumer lag back to 0, and the same alerts. Each fault's figures (events lost,
 * duplicated on the topic, seconds to recover) are written to target/fault-suite.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT extends AgainstTheRunningSystem {

    private static final List<String> REPORT = new ArrayList<>();
    private static List<String> undisturbedAlerts;

    @BeforeAll
    static void anUndisturbedClinic() throws Exception {
        FaultWorkload workload = new FaultWorkload(baseUrl("journal-service"), "fault-undisturbed");
        workload.post(Duration.ZERO);
        outcomes().awaitApplied("fault-undisturbed", System.nanoTime());
        undisturbedAlerts = outcomes().alertsOf("fault-undisturbed");
        assertEquals(FaultWorkload.PATIENTS, undisturbedAlerts.stream().filter(a -> a.contains(" CES_BLADDER EMERGENCY OPEN 2 "))
                .count(), "each patient's two red flags make one EMERGENCY alert: " + undisturbedAlerts);
    }

    @AfterAll
    static void writeTheFigures() throws Exception {
        Path report = Path.of("target", "fault-suite.md");
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>(List.of("| fault | entries acknowledged | lost | duplicated in the journal | "
                + "records re-sent on the topic | client retries | recovered in (s) |", "|---|---|---|---|---|---|---|"));
        lines.addAll(REPORT);
        Files.write(report, lines);
        System.out.println(String.join("\n", lines));
    }

    @Test
    @Order(1)
    void kafkaUnreachableForAMinuteDuringIngest() throws Exception {
        strikeDuringIngest("Kafka broker stopped 60 s during ingest", "fault-kafka-down", Duration.ofSeconds(70), () -> {
            system.kafka().stop();
            Thread.sleep(60_000);
            system.kafka().start();
        });
    }

    @Test
    @Order(2)
    void postgresRestartedDuringIngest() throws Exception {
        strikeDuringIngest("PostgreSQL restarted during ingest", "fault-pg-restart", Duration.ofSeconds(15), () -> {
            system.postgres().stop();
            system.postgres().start();
        });
    }

    @Test
    @Order(3)
    void postgresStoppedHalfAMinuteDuringIngest() throws Exception {
        strikeDuringIngest("PostgreSQL stopped 30 s during ingest", "fault-pg-down", Duration.ofSeconds(40), () -> {
            system.postgres().stop();
            Thread.sleep(30_000);
            system.postgres().start();
        });
    }

    @Test
    @Order(4)
    void postgresStoppedHalfAMinuteDuringATriageBacklog() throws Exception {
        String clinic = "fault-pg-backlog";
        FaultWorkload workload = new FaultWorkload(baseUrl("journal-service"), clinic);
        system.freeze("triage-service"); // the backlog builds while triage can do nothing
        try {
            workload.post(Duration.ZERO);
            outcomes().awaitPublished(clinic);
            system.postgres().stop();
        } finally {
            system.thaw("triage-service");
        }
        Thread.sleep(30_000);
        system.postgres().start();
        long back = System.nanoTime();
        endsAsUndisturbed("PostgreSQL stopped 30 s while triage had a backlog", clinic, workload, back);
    }

    @Test
    @Order(5)
    void journalKilledMidStream() throws Exception {
        killedMidStream("journal-service", "fault-kill-journal");
    }

    @Test
    @Order(6)
    void triageKilledMidStream() throws Exception {
        killedMidStream("triage-service", "fault-kill-triage");
    }

    @Test
    @Order(7)
    void catalogKilledMidStream() throws Exception {
        killedMidStream("catalog-service", "fault-kill-catalog");
    }

    @Test
    @Order(8)
    void poisonOfEveryKindInterleavedWithGoodEvents() throws Exception {
        String clinic = "fault-poison";
        FaultWorkload workload = new FaultWorkload(baseUrl("journal-service"), clinic);
        String poisonPatient = FaultWorkload.patient(0);
        String marker = UUID.randomUUID().toString();
        List<byte[]> poison = List.of(
                ("{\"not\": \"an event\", \"marker\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"specversion\": \"1.0\", \"id\": \"" + marker + "-nosource\", \"type\": \"backcare.journal.entry.recorded\"}")
                        .getBytes(StandardCharsets.UTF_8),
                ("not json at all " + marker).getBytes(StandardCharsets.UTF_8),
                concat(new byte[] { (byte) 0xC3, (byte) 0x28 }, marker.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<Void> ingest = during(workload, Duration.ofSeconds(10));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] body : poison) {
                for (boolean cloudEventsHeader : new boolean[] { true, false }) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.JOURNAL_EVENTS, poisonPatient, body);
                    if (cloudEventsHeader) {
                        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(record).get();
                    Thread.sleep(1_000);
                }
            }
        }
        long back = System.nanoTime();
        ingest.get(5, TimeUnit.MINUTES);
        for (String deadLetters : List.of(Topics.TRIAGE_DEAD_LETTERS, Topics.CATALOG_JOURNAL_DEAD_LETTERS)) {
            try (RawTopicReader reader = new RawTopicReader(system.kafka().bootstrapServers(), deadLetters)) {
                List<ConsumerRecord<String, byte[]>> dead = reader.await(
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), poison.size() * 2,
                        Duration.ofSeconds(60));
                assertEquals(poison.size() * 2, dead.size(), deadLetters + " holds each poison record once");
                for (byte[] body : poison) {
                    assertEquals(2, dead.stream().filter(r -> java.util.Arrays.equals(r.value(), body)).count(),
                            deadLetters + " keeps the bytes as they came, with and without the CloudEvents header");
                }
            }
        }
        endsAsUndisturbed("8 poison records (4 kinds, with and without the CloudEvents header) among good ones", clinic,
                workload, back);
        for (String service : List.of("triage-service", "catalog-service")) {
            assertEquals(200, http(baseUrl(service) + "/q/health/ready"), service + " is ready after the poison");
        }
    }

    @Test
    @Order(9)
    void aHungAndAFailingWebhookReceiverBesideAHealthyClinics() throws Exception {
        Set<String> healthyEvents = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger healthyCalls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastDelivery = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer receivers = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receivers.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receivers.createContext("/healthy", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            healthyCalls.incrementAndGet();
            lastDelivery.set(System.nanoTime());
            try {
                healthyEvents.add(EventEnvelope.decode(body).id());
            } catch (RuntimeException e) {
                healthyEvents.add("undecodable " + body);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receivers.createContext("/hung", exchange -> {
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receivers.createContext("/failing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receivers.start();
        try {
            String base = "http://127.0.0.1:" + receivers.getAddress().getPort();
            for (String kind : List.of("hung", "failing", "healthy")) {
                subscribe("fault-webhook-" + kind, base + "/" + kind);
            }
            FaultWorkload hung = new FaultWorkload(baseUrl("journal-service"), "fault-webhook-hung");
            FaultWorkload failing = new FaultWorkload(baseUrl("journal-service"), "fault-webhook-failing");
            FaultWorkload healthy = new FaultWorkload(baseUrl("journal-service"), "fault-webhook-healthy");
            CompletableFuture<Void> others = CompletableFuture.allOf(during(hung, Duration.ofSeconds(10)),
                    during(failing, Duration.ofSeconds(10)));
            healthy.post(Duration.ofSeconds(10));
            long posted = System.nanoTime();
            others.get(5, TimeUnit.MINUTES);
            endsAsUndisturbed("a hung and a failing webhook receiver of two other clinics (healthy clinic's journal)",
                    "fault-webhook-healthy", healthy, posted);
            int changes = Integer.parseInt(outcomes().query("triage", "SELECT count(*)::text FROM alert_change c JOIN alert a "
                    + "ON a.id = c.alert_id WHERE a.clinic_id = ?", "fault-webhook-healthy").get(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (healthyEvents.size() < changes && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double delivered = Math.max(0, lastDelivery.get() - posted) / 1e9; // when the last one arrived
            assertEquals(changes, healthyEvents.size(), "the healthy clinic receives every alert change");
            assertEquals(changes, healthyCalls.get(), "once each");
            REPORT.add(("| webhooks: %d of %d alert changes delivered once each to a healthy clinic beside a hung and a "
                    + "failing receiver (%d duplicate calls) | - | 0 | - | - | - | %.1f |").formatted(healthyEvents.size(),
                            changes, healthyCalls.get() - healthyEvents.size(), delivered));
        } finally {
            release.countDown();
            receivers.stop(0);
        }
    }

    private static void subscribe(String clinic, String url) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                baseUrl("triage-service") + "/api/v1/clinics/" + clinic + "/webhooks"))
                .header("Authorization", "Bearer " + com.backcare.localstack.DevTokens.token(clinic, "clinic-admin", "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private void killedMidStream(String service, String clinic) throws Exception {
        strikeDuringIngest(service + " SIGKILLed mid-stream and restarted", clinic, Duration.ofSeconds(15), () -> {
            system.crash(service);
            system.restart(service, Duration.ofMinutes(2));
        });
    }

    /** A fault; it has ended when this returns. */
    private interface Strike {
        void run() throws Exception;
    }

    /** Posts the clinic's journal spread over {@code spread}, strikes 5 s in, and checks how it all ends. */
    private void strikeDuringIngest(String fault, String clinic, Duration spread, Strike strike) throws Exception {
        FaultWorkload workload = new FaultWorkload(baseUrl("journal-service"), clinic);
        CompletableFuture<Void> ingest = during(workload, spread);
        Thread.sleep(5_000);
        strike.run();
        long back = System.nanoTime();
        ingest.get(5, TimeUnit.MINUTES);
        endsAsUndisturbed(fault, clinic, workload, back);
    }

    private static CompletableFuture<Void> during(FaultWorkload workload, Duration spread) {
        return CompletableFuture.runAsync(() -> {
            try {
                workload.post(spread);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The checks every fault must pass, and its line in the report. */
    private static void endsAsUndisturbed(String fault, String clinic, FaultWorkload workload, long faultEnded)
            throws Exception {
        SystemOutcomes.Figures figures = outcomes().endsAs(undisturbedAlerts, clinic, workload, faultEnded);
        REPORT.add("| %s | %d | %d | %d | %d | %d | %.1f |".formatted(fault, figures.acknowledged(), figures.lost(),
                figures.duplicated(), figures.resent(), figures.retried(), figures.recoveredSeconds()));
    }

    private static SystemOutcomes outcomes() {
        return new SystemOutcomes(system);
    }

    private static int http(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
