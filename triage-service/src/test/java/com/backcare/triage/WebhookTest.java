package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventJson;
import com.backcare.triage.messaging.WebhookDispatcher;
import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookTest {

    /** A subscriber on loopback that answers with {@link #status} and keeps what it received. */
    private HttpServer subscriber;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private String clinic;

    private record Received(String signature, String body) {
    }

    @BeforeEach
    void startSubscriber() throws IOException {
        clinic = newId("clinic");
        subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE_HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        subscriber.start();
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook";
    }

    private String hooks() {
        return "/api/v1/clinics/" + clinic + "/webhooks";
    }

    private void raiseAlert() {
        publish(entryRecorded(clinic, newId("pat"), UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"CHILLS\"}]}")));
    }

    @Test
    void eachAlertChangeIsPostedSignedWithTheWebhooksSecret() throws Exception {
        String secret = "a-shared-secret-of-the-clinic";
        asAdmin(clinic).body("{\"url\": \"" + url() + "\", \"secret\": \"" + secret + "\"}").post(hooks())
                .then().statusCode(201).body("secret", equalTo(secret));
        asAdmin(clinic).get(hooks()).then().body("[0].secret", nullValue());
        raiseAlert();
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        Received call = received.get(0);
        assertEquals("sha256=" + WebhookDispatcher.sign(secret, call.body()), call.signature());
        var event = EventJson.mapper().readTree(call.body());
        assertEquals("com.backcare.triage.alert.changed", event.path("type").asText());
        assertEquals("RAISED", event.path("data").path("change").asText());
        assertEquals(clinic, event.path("clinicid").asText());
    }

    @Test
    void aFailingSubscriberIsRetriedThenLoggedAsFailedAndCanBeReplayed() {
        status.set(500);
        String hook = asAdmin(clinic).body("{\"url\": \"" + url() + "\"}").post(hooks()).then().statusCode(201)
                .extract().path("id");
        raiseAlert();
        String log = hooks() + "/" + hook + "/deliveries";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin(clinic).get(log).then()
                .body("", hasSize(1)).body("[0].status", equalTo("FAILED")).body("[0].attempts", equalTo(3))
                .body("[0].lastStatus", equalTo(500)));
        assertEquals(3, received.size());

        status.set(200);
        String delivery = asAdmin(clinic).get(log).then().extract().path("[0].id");
        asAdmin(clinic).post(log + "/" + delivery + "/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin(clinic).get(log).then()
                .body("[0].status", equalTo("DELIVERED")));
    }

    @Test
    void webhooksBelongToTheirClinicAndItsAdmin() {
        String hook = asAdmin(clinic).body("{\"url\": \"" + url() + "\"}").post(hooks()).then().statusCode(201)
                .extract().path("id");
        String other = newId("clinic");
        asAdmin(other).get(hooks()).then().statusCode(404);
        asAdmin(other).get(hooks() + "/" + hook + "/deliveries").then().statusCode(404);
        asAdmin(other).delete(hooks() + "/" + hook).then().statusCode(404);
        asClinician(clinic).get(hooks()).then().statusCode(403);
        asAdmin(clinic).body("{\"url\": \"ftp://example.org/x\"}").post(hooks()).then().statusCode(400)
                .body("violations[0].field", equalTo("url"));
        asAdmin(clinic).body("{\"url\": \"" + url() + "\", \"secret\": \"short\"}").post(hooks()).then().statusCode(400)
                .body("violations[0].field", equalTo("secret"));
        asAdmin(clinic).delete(hooks() + "/" + hook).then().statusCode(204);
        asAdmin(clinic).get(hooks()).then().body("", hasSize(0));
    }

    @Test
    void deliveriesReuseTheirThreadsRatherThanStartingOneEachCall() {
        asAdmin(clinic).body("{\"url\": \"" + url() + "\"}").post(hooks()).then().statusCode(201);
        raiseAlert();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 1);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        int calls = 30;
        for (int i = 0; i < calls; i++) {
            raiseAlert();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 1 + calls);
        // On two cores the JDK client's sendAsync started a thread for every call (CompletableFuture's default executor).
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        assertTrue(started < calls / 3, started + " threads started for " + calls + " webhook calls");
    }

    @Test
    void aHungSubscriberOfOneClinicNeverDelaysAnotherClinicsDeliveries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hung = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hung.setExecutor(Executors.newCachedThreadPool());
        hung.createContext("/hook", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hung.start();
        try {
            String hungClinic = newId("clinic");
            asAdmin(hungClinic).body("{\"url\": \"http://127.0.0.1:" + hung.getAddress().getPort() + "/hook\"}")
                    .post("/api/v1/clinics/" + hungClinic + "/webhooks").then().statusCode(201);
            for (int i = 0; i < 12; i++) {
                publish(entryRecorded(hungClinic, newId("pat"), UUID.randomUUID(),
                        report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"CHILLS\"}]}")));
            }
            String hook = asAdmin(clinic).body("{\"url\": \"" + url() + "\"}").post(hooks()).then().statusCode(201)
                    .extract().path("id");
            Thread.sleep(1500); // the hung clinic's calls are under way
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                raiseAlert();
            }
            await().atMost(Duration.ofSeconds(4)).until(() -> received.size() >= 3);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 4, "healthy deliveries took " + seconds + " s beside a hung subscriber");
            // The log says DELIVERED as soon as each call is answered, not when some batch ends.
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> asAdmin(clinic).get(hooks() + "/" + hook + "/deliveries")
                    .then().body("status", everyItem(equalTo("DELIVERED"))).body("", hasSize(3)));
        } finally {
            release.countDown();
            hung.stop(0);
        }
    }
}
