package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static com.backcare.localstack.Events.send;
import static com.backcare.localstack.Events.sendRaw;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.RawTopicReader;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterTest {

    private static final Map<String, String> CLOUDEVENTS_HEADER = Map.of("content-type", EventEnvelope.CONTENT_TYPE);

    @Test
    void anUndecodableEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        send(Topics.JOURNAL_EVENTS, patient, "{this is not json");
        send(Topics.JOURNAL_EVENTS, patient, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"com.backcare.journal.entry.recorded\"}");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"SEXUAL_DYSFUNCTION\"}]}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1)));

        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()), 2, Duration.ofSeconds(20));
            assertEquals(2, dead.size());
            var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the reason travels with the dead letter");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not a CloudEvents JSON envelope"));
            assertTrue(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("invalid envelope"));
        }
    }

    @Test
    void poisonCarryingTheCloudEventsHeaderIsDeadLetteredByteForByteAndAlertingGoesOn() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        byte[] notJson = "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
        byte[] noSource = ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"com.backcare.journal.entry.recorded\","
                + "\"time\":\"2026-11-20T08:00:00Z\",\"clinicid\":\"" + clinic + "\",\"patientid\":\"" + patient
                + "\",\"schemaversion\":1,\"data\":{}}").getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, '{', '}' };
        sendRaw(Topics.JOURNAL_EVENTS, patient, notJson, CLOUDEVENTS_HEADER);
        sendRaw(Topics.JOURNAL_EVENTS, patient, noSource, CLOUDEVENTS_HEADER);
        sendRaw(Topics.JOURNAL_EVENTS, patient, notUtf8, CLOUDEVENTS_HEADER);
        // A good red flag after the poison, for the same patient and so the same partition.
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1)));

        try (RawTopicReader dlq = new RawTopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.await(r -> patient.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(3, dead.size());
            assertArrayEquals(notJson, dead.get(0).value());
            assertArrayEquals(noSource, dead.get(1).value());
            assertArrayEquals(notUtf8, dead.get(2).value());
            for (var record : dead) {
                assertEquals(EventEnvelope.CONTENT_TYPE,
                        new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8),
                        "the original headers travel with the dead letter");
                assertEquals(Topics.JOURNAL_EVENTS,
                        new String(record.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anEventWhoseKeyIsNotItsPatientIsDeadLettered() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        EventEnvelope event = entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}"));
        String otherKey = newId("pat");
        send(Topics.JOURNAL_EVENTS, otherKey, com.backcare.localstack.Events.json(event));
        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            var dead = dlq.await(r -> otherKey.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, dead.size());
            assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("is not the event's patientid"));
        }
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then().body("items", hasSize(0));
    }

    @Test
    void anEventBreakingTheContractIsDeadLetteredNotApplied() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String outOfRange = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/test\",\"type\":\"com.backcare.journal.entry.recorded\","
                + "\"time\":\"2026-11-20T08:00:00Z\",\"clinicid\":\"%s\",\"patientid\":\"%s\",\"schemaversion\":1,"
                + "\"data\":{\"entryId\":\"%s\",\"revision\":1,\"entry\":{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":42,"
                + "\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}}}";
        send(Topics.JOURNAL_EVENTS, patient, outOfRange.formatted(UUID.randomUUID(), clinic, patient, UUID.randomUUID()));
        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, dead.size());
            assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("intensity"));
        }
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then().body("items", hasSize(0));
    }
}
