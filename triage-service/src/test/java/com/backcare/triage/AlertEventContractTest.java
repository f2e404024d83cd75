package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventJson;
import com.backcare.events.EventSchemas;
import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Alert changes and patient-status changes reach Kafka, keyed by patient, matching their published schemas. */
@QuarkusTest
class AlertEventContractTest {

    @Test
    void alertAndStatusChangesArePublishedAndMatchTheirSchemas() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"SADDLE_NUMBNESS\"}]}")));
        String alert = (String) Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        asClinician(clinic).body("{\"note\": \"on it\"}").post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200);
        asClinician(clinic).body("{\"note\": \"sent to A&E\"}").post("/api/v1/alerts/" + alert + "/resolve").then().statusCode(200);

        try (TopicReader alerts = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.ALERT_EVENTS)) {
            var records = alerts.await(r -> patient.equals(r.key()), 3, Duration.ofSeconds(20));
            List<String> changes = records.stream().map(r -> tree(r.value()).path("data").path("change").asText()).toList();
            assertEquals(List.of("RAISED", "ACKNOWLEDGED", "RESOLVED"), changes);
            records.forEach(r -> assertEquals(List.of(), EventSchemas.violations(tree(r.value()))));
            assertEquals(clinic, tree(records.get(0).value()).path("clinicid").asText());
        }
        try (TopicReader status = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.PATIENT_STATUS_EVENTS)) {
            var records = status.await(r -> patient.equals(r.key()), 2, Duration.ofSeconds(20));
            List<String> tiers = records.stream().map(r -> tree(r.value()).path("data").path("tier").asText()).toList();
            assertEquals(List.of("EMERGENCY", "NONE"), tiers);
            records.forEach(r -> assertEquals(List.of(), EventSchemas.violations(tree(r.value()))));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
