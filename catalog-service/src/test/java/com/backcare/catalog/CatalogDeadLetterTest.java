package com.backcare.catalog;

import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.event;
import static com.backcare.localstack.Events.json;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.send;
import static com.backcare.localstack.Events.sendRaw;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.EventType;
import com.backcare.events.PatientStatusEventData;
import com.backcare.events.Topics;
import com.backcare.localstack.RawTopicReader;
import com.backcare.localstack.SharedTestStack;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogDeadLetterTest {

    private static String reason(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    @Test
    void journalEventsBreakingTheContractOrKeyedToAnotherPatientAreDeadLetteredNotApplied() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        byte[] outOfRange = ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/test\","
                + "\"type\":\"com.backcare.journal.entry.recorded\",\"time\":\"2026-11-20T08:00:00Z\",\"clinicid\":\"" + clinic
                + "\",\"patientid\":\"" + patient + "\",\"schemaversion\":1,\"data\":{\"entryId\":\"" + UUID.randomUUID()
                + "\",\"revision\":1,\"entry\":{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":42}}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "{\"specversion\":".getBytes(StandardCharsets.UTF_8);
        sendRaw(Topics.JOURNAL_EVENTS, patient, outOfRange, Map.of("content-type", EventEnvelope.CONTENT_TYPE));
        sendRaw(Topics.JOURNAL_EVENTS, patient, notJson, Map.of("content-type", EventEnvelope.CONTENT_TYPE));
        String otherKey = newId("pat");
        send(Topics.JOURNAL_EVENTS, otherKey, json(event(EventType.PATIENT_STATUS_CHANGED, clinic, patient,
                new PatientStatusEventData("EMERGENCY", "NONE", List.of(), List.of("Go now.")))));

        try (RawTopicReader dlq = new RawTopicReader(SharedTestStack.kafka().bootstrapServers(),
                Topics.CATALOG_JOURNAL_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()) || otherKey.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(3, dead.size());
            // in order per key (one partition each); the two keys' partitions are consumed independently
            var ofPatient = dead.stream().filter(r -> patient.equals(r.key())).toList();
            assertArrayEquals(outOfRange, ofPatient.get(0).value());
            assertTrue(reason(ofPatient.get(0)).contains("intensity"), reason(ofPatient.get(0)));
            assertArrayEquals(notJson, ofPatient.get(1).value());
            var misKeyed = dead.stream().filter(r -> otherKey.equals(r.key())).findFirst().orElseThrow();
            assertTrue(reason(misKeyed).contains("is not the event's patientid"), reason(misKeyed));
        }
    }

    @Test
    void aBrokenStatusEventIsDeadLetteredAndTheNextOneStillApplies() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        byte[] notJson = "not json at all".getBytes(StandardCharsets.UTF_8);
        sendRaw(Topics.PATIENT_STATUS_EVENTS, patient, notJson, Map.of("content-type", EventEnvelope.CONTENT_TYPE));
        publish(event(EventType.PATIENT_STATUS_CHANGED, clinic, patient,
                new PatientStatusEventData("EMERGENCY", "NONE", List.of(), List.of("Go to an emergency department now."))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient)
                .get("/api/v1/patients/" + patient + "/exercise-plan").then().statusCode(200)
                .body("triageTier", equalTo("EMERGENCY")));
        try (RawTopicReader dlq = new RawTopicReader(SharedTestStack.kafka().bootstrapServers(),
                Topics.CATALOG_STATUS_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, dead.size());
            assertArrayEquals(notJson, dead.get(0).value());
        }
    }
}
