package com.backcare.triage;

import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.triage.Requests.statusOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaudaEquinaAlertTest {

    private static final String CES_ENTRY = """
            {"recordedAt": "2026-11-20T08:00:00Z", "intensity": 7,
             "associatedSymptoms": [{"code": "SADDLE_NUMBNESS"}, {"code": "BLADDER_DYSFUNCTION"}]}""";
    private static final String SORENESS = """
            {"recordedAt": "2026-11-19T18:00:00Z", "intensity": 3, "qualities": ["ACHING"],
             "timing": ["HOURS_AFTER_EXERCISE"]}""";

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    private void awaitAlerts(int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(count)));
    }

    @Test
    void caudaEquinaSignsRaiseEmergencyAlertsThatTheClinicSees() {
        UUID entryId = UUID.randomUUID();
        publish(entryRecorded(clinic, patient, entryId, report(CES_ENTRY)));
        awaitAlerts(2);

        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then()
                .body("items.rule", containsInAnyOrder("CES_BLADDER", "CES_SADDLE"))
                .body("items.tier", contains("EMERGENCY", "EMERGENCY"))
                .body("items.status", contains("OPEN", "OPEN"))
                .body("items[0].patientId", equalTo(patient))
                .body("items[0].clinicId", equalTo(clinic))
                .body("items[0].evidence", contains(entryId.toString()))
                .body("items[0].ruleSetVersion", equalTo(com.backcare.triage.domain.TriageRules.VERSION));
        asClinician(clinic).get(statusOf(patient)).then().statusCode(200)
                .body("tier", equalTo("EMERGENCY"))
                .body("openAlerts", hasSize(2));
        asPatient(clinic, patient).get(statusOf(patient)).then().statusCode(200)
                .body("tier", equalTo("EMERGENCY"))
                .body("advice[0]", org.hamcrest.Matchers.containsString("emergency department"));
    }

    @Test
    void aClinicianOfAnotherClinicSeesNoneOfIt() {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(), report(CES_ENTRY)));
        awaitAlerts(2);
        String otherClinic = newId("clinic");
        asClinician(otherClinic).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        asClinician(otherClinic).queryParam("patientId", patient).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        asClinician(otherClinic).get(statusOf(patient)).then().statusCode(404);
    }

    @Test
    void normalSorenessRaisesNothing() {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(), report(SORENESS)));
        // Same key, same partition: once the later CES entry has raised its alerts, the soreness entry was applied.
        UUID cesEntry = UUID.randomUUID();
        publish(entryRecorded(clinic, patient, cesEntry, report(CES_ENTRY)));
        awaitAlerts(2);
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then()
                .body("items[0].evidence", contains(cesEntry.toString()))
                .body("items[1].evidence", contains(cesEntry.toString()));
    }

    @Test
    void aRedeliveredEventChangesNothingAndARepeatAddsEvidenceToTheOpenAlert() {
        EventEnvelope first = entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}"));
        publish(first);
        publish(first);
        UUID secondEntry = UUID.randomUUID();
        publish(entryRecorded(clinic, patient, secondEntry,
                report("{\"recordedAt\":\"2026-11-20T12:00:00Z\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().body("items", hasSize(1)).body("items[0].occurrences", equalTo(2)));
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then()
                .body("items[0].rule", equalTo("CES_BOWEL"))
                .body("items[0].evidence", hasSize(2));
    }
}
