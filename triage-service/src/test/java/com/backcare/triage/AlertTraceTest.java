package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.json;
import static com.backcare.localstack.Events.report;
import static com.backcare.localstack.Events.sendRaw;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;

/** An alert continues the trace of the journal write that raised it: on its Kafka event and on each webhook call. */
@QuarkusTest
class AlertTraceTest {

    private HttpServer subscriber;
    private final List<String> traceParents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSubscriber() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        subscriber.createContext("/hook", exchange -> {
            traceParents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.start();
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    @Test
    void theAlertEventAndItsWebhookCallCarryTheTraceOfTheJournalEventThatRaisedIt() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asAdmin(clinic).body("{\"url\": \"http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook\"}")
                .post("/api/v1/clinics/" + clinic + "/webhooks").then().statusCode(201);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String journalSpan = traceId.substring(0, 16);
        EventEnvelope redFlag = entryRecorded(clinic, patient, UUID.randomUUID(), report(
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}"));

        sendRaw(Topics.JOURNAL_EVENTS, patient, json(redFlag).getBytes(StandardCharsets.UTF_8), Map.of(
                "content-type", EventEnvelope.CONTENT_TYPE, "traceparent", "00-" + traceId + "-" + journalSpan + "-01"));

        try (TopicReader alerts = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.ALERT_EVENTS)) {
            List<ConsumerRecord<String, String>> raised = alerts.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(30));
            String published = new String(raised.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertEquals(traceId, traceIdOf(published), "the alert event is in the journal write's trace");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !traceParents.isEmpty());
        assertEquals(traceId, traceIdOf(traceParents.get(0)), "the webhook call is in the journal write's trace");
    }
}
