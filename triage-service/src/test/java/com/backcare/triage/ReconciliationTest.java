package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;

import io.quarkus.test.junit.QuarkusTest;

/** Late, corrected and deleted entries: the alerts follow the entries, whatever order the events came in. */
@QuarkusTest
class ReconciliationTest {

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    private void send(EventType type, UUID entry, int revision, String json) {
        publish(EventEnvelope.of(type, "/test", clinic, patient, Instant.now(), EventJson.mapper().valueToTree(
                new EntryEventData(entry.toString(), revision, json == null ? null : report(json)))));
    }

    private static String worsening(String day, int intensity) {
        return "{\"recordedAt\":\"2026-11-" + day + "T08:00:00Z\",\"intensity\":" + intensity + "}";
    }

    @Test
    void aLateEntryCompletesAPatternAsIfItHadArrivedInOrder() {
        UUID first = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        send(EventType.ENTRY_RECORDED, first, 1, worsening("10", 3));
        send(EventType.ENTRY_RECORDED, last, 1, worsening("14", 5));
        send(EventType.ENTRY_RECORDED, middle, 1, worsening("12", 4)); // recorded on the 12th, arrives last
        var alert = await().atMost(Duration.ofSeconds(20)).until(() -> Alerts.of(clinic, patient),
                alerts -> alerts.stream().anyMatch(a -> "PROGRESSIVE_WORSENING".equals(a.get("rule"))))
                .stream().filter(a -> "PROGRESSIVE_WORSENING".equals(a.get("rule"))).findFirst().orElseThrow();
        assertEquals(List.of(first.toString(), middle.toString(), last.toString()), alert.get("evidence"));
    }

    @Test
    void aDeletedEntryStopsBeingEvidenceAndAnAlertLeftWithoutEvidenceSaysSo() {
        UUID entry = UUID.randomUUID();
        send(EventType.ENTRY_RECORDED, entry, 1,
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"FEVER\"}]}");
        String id = (String) Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        send(EventType.ENTRY_DELETED, entry, 2, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + id).then()
                .body("evidenceWithdrawn", equalTo(true))
                .body("evidence.size()", equalTo(0))
                .body("status", equalTo("OPEN"))
                .body("history.action", contains("RAISED", "EVIDENCE_WITHDRAWN")));
    }

    @Test
    void aCorrectionThatRemovesTheRedFlagWithdrawsItsEvidenceAndOneThatAddsOneRaisesIt() {
        UUID entry = UUID.randomUUID();
        send(EventType.ENTRY_RECORDED, entry, 1,
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":4,\"timing\":[\"AT_NIGHT\"]}");
        String night = (String) Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        send(EventType.ENTRY_CORRECTED, entry, 2,
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":4,\"trauma\":\"MAJOR\"}");
        var alerts = Alerts.awaitCount(clinic, patient, 2);
        asClinician(clinic).get("/api/v1/alerts/" + night).then().body("evidenceWithdrawn", equalTo(true));
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then()
                .body("items.rule", containsInAnyOrder("MAJOR_TRAUMA", "NIGHT_PAIN"))
                .body("items[0].rule", equalTo("MAJOR_TRAUMA"));
        // A late, older revision changes nothing.
        send(EventType.ENTRY_CORRECTED, entry, 1,
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":4,\"timing\":[\"AT_NIGHT\"]}");
        send(EventType.ENTRY_RECORDED, UUID.randomUUID(), 1, "{\"recordedAt\":\"2026-11-21T08:00:00Z\",\"intensity\":1}");
        await().pollDelay(Duration.ofSeconds(1)).untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + night)
                .then().body("evidenceWithdrawn", equalTo(true)));
        assertEquals(2, alerts.size());
    }

    @Test
    void theProfileFromProfileEventsFeedsTheRules() {
        publish(EventEnvelope.of(EventType.PROFILE_CHANGED, "/test", clinic, patient, Instant.now(),
                EventJson.mapper().valueToTree(new com.backcare.events.ProfileEventData(1,
                        new com.backcare.events.PatientProfile(1950, true, List.of(
                                com.backcare.events.vocabulary.RiskHistory.CANCER), List.of())))));
        send(EventType.ENTRY_RECORDED, UUID.randomUUID(), 1,
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":3,\"associatedSymptoms\":[{\"code\":\"NUMBNESS\",\"side\":\"LEFT\"}]}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().body("items.rule", hasItem("CORD_COMPRESSION_CANCER"))
                .body("items.rule", hasItem("CANCER_HISTORY")).body("items.rule", hasItem("AGE_NEW_ONSET"))
                .body("items.rule", hasItem("RADICULAR")).body("items[0].tier", equalTo("EMERGENCY")));
    }
}
