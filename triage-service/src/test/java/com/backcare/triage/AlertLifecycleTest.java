package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static com.backcare.triage.Requests.statusOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AlertLifecycleTest {

    private static final String BOWEL = "{\"recordedAt\":\"%s\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}";
    private static final String NIGHT = "{\"recordedAt\":\"2026-11-20T03:00:00Z\",\"intensity\":4,\"timing\":[\"AT_NIGHT\"]}";

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    private String raise(String json) {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(), report(json)));
        return null;
    }

    @Test
    void anEmergencyIsAcknowledgedThenResolvedWithANoteAndEveryStepIsInItsHistory() {
        raise(BOWEL.formatted("2026-11-20T08:00:00Z"));
        String alert = "/api/v1/alerts/" + Alerts.awaitCount(clinic, patient, 1).get(0).get("id");

        asClinician(clinic).body("{\"note\": \"done\"}").post(alert + "/resolve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("cannot be silenced"));
        asClinician(clinic).body("{\"note\": \"Called the patient; sent to A&E.\"}").post(alert + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        asClinician(clinic).body("{}").post(alert + "/acknowledge").then().statusCode(409);
        asClinician(clinic).body("{}").post(alert + "/resolve").then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        asClinician(clinic).body("{\"note\": \"Seen in hospital, CES excluded by MRI.\"}").post(alert + "/resolve")
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("history.action", contains("RAISED", "ACKNOWLEDGED", "RESOLVED"))
                .body("history[1].actor", equalTo("dr-" + clinic))
                .body("history[2].note", equalTo("Seen in hospital, CES excluded by MRI."));
        asPatient(clinic, patient).get(statusOf(patient)).then().body("tier", equalTo("NONE"));
    }

    @Test
    void aSoonAlertMayBeResolvedWithoutAcknowledgement() {
        raise(NIGHT);
        String alert = "/api/v1/alerts/" + Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        asAdmin(clinic).body("{\"note\": \"Reviewed at today's visit.\"}").post(alert + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    @Test
    void patientsReadTheirAlertsButCannotActOnThem() {
        raise(BOWEL.formatted("2026-11-20T08:00:00Z"));
        String alert = "/api/v1/alerts/" + Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        asPatient(clinic, patient).get(alert).then().statusCode(200);
        asPatient(clinic, patient).body("{}").post(alert + "/acknowledge").then().statusCode(403);
        asPatient(clinic, patient).body("{\"note\": \"fine now\"}").post(alert + "/resolve").then().statusCode(403);
        asClinician(newId("clinic")).body("{}").post(alert + "/acknowledge").then().statusCode(404);
    }

    @Test
    void aRuleFiringAgainAfterResolutionOpensANewAlertWhileARepeatBeforeItAddsEvidence() {
        raise(NIGHT);
        String first = (String) Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        raise(NIGHT.replace("03:00", "04:00"));
        org.awaitility.Awaitility.await().untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + first)
                .then().body("occurrences", equalTo(2)).body("evidence.size()", equalTo(2)));
        asClinician(clinic).body("{\"note\": \"reviewed\"}").post("/api/v1/alerts/" + first + "/resolve").then().statusCode(200);
        raise(NIGHT.replace("03:00", "05:00"));
        var alerts = Alerts.awaitCount(clinic, patient, 2);
        var open = alerts.stream().filter(a -> "OPEN".equals(a.get("status"))).findFirst().orElseThrow();
        assertNotEquals(first, open.get("id"));
        asClinician(clinic).get("/api/v1/alerts/" + first).then().body("evidence.size()", equalTo(2))
                .body("escalationLevel", equalTo(0)).body("evidenceWithdrawn", equalTo(false))
                .body("history[0].note", org.hamcrest.Matchers.notNullValue())
                .body("patientId", equalTo(patient)).body("nextEscalationAt", nullValue());
    }
}
