package com.backcare.triage;

import static com.backcare.triage.JournalEvents.entryRecorded;
import static com.backcare.triage.JournalEvents.publish;
import static com.backcare.triage.JournalEvents.report;
import static com.backcare.localstack.Callers.as;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.triage.Requests.statusOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every triage endpoint refuses callers outside the patient's clinic, other patients and the wrong roles. */
@QuarkusTest
class TriageAccessRulesTest {

    private String clinic;
    private String patient;
    private String alertPath;

    @BeforeEach
    void aPatientWithAnAlert() {
        clinic = newId("clinic");
        patient = newId("pat");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":8,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().body("items", hasSize(1)));
        alertPath = "/api/v1/alerts/" + asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts")
                .then().extract().path("items[0].id");
    }

    private List<String> everyEndpoint() {
        return List.of("/api/v1/alerts", alertPath, statusOf(patient));
    }

    private static void refused(RequestSpecification spec, String path, int status) {
        spec.get(path).then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", containsString("/problems/"));
    }

    @Test
    void withoutOrWithABadTokenEveryEndpointIs401() {
        String expired = DevTokens.expired(clinic, "clinician", "dr");
        everyEndpoint().forEach(path -> {
            refused(given(), path, 401);
            refused(given().auth().oauth2(expired), path, 401);
            refused(given().auth().oauth2(DevTokens.token(null, "clinician", "dr")), path, 401);
        });
    }

    @Test
    void aClinicianOfAnotherClinicCannotReachTheAlertOrTheStatus() {
        String other = newId("clinic");
        refused(asClinician(other), alertPath, 404);
        refused(asClinician(other), statusOf(patient), 404);
        asClinician(other).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void thePatientReadsTheirOwnAlertsButNoOneElses() {
        asPatient(clinic, patient).get(alertPath).then().statusCode(200).body("advice", containsString("emergency"));
        asPatient(clinic, patient).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1));
        String intruder = newId("pat");
        refused(asPatient(clinic, intruder), alertPath, 404);
        refused(asPatient(clinic, intruder), statusOf(patient), 403);
        asPatient(clinic, intruder).queryParam("patientId", patient).get("/api/v1/alerts").then().statusCode(403);
        asPatient(clinic, intruder).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anUnknownRoleIsRefused() {
        everyEndpoint().forEach(path -> refused(as(clinic, "receptionist", "desk"), path, 403));
    }

    @Test
    void badFiltersNameTheParameter() {
        asClinician(clinic).queryParam("tier", "PANIC").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("tier"));
        asClinician(clinic).queryParam("status", "CLOSED").get("/api/v1/alerts").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        asClinician(clinic).queryParam("limit", 500).get("/api/v1/alerts").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        asClinician(clinic).queryParam("cursor", "zzz").get("/api/v1/alerts").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        asClinician(clinic).get("/api/v1/alerts/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void filtersByTierAndStatus() {
        asClinician(clinic).queryParam("patientId", patient).queryParam("tier", "EMERGENCY").queryParam("status", "OPEN")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1));
        asClinician(clinic).queryParam("patientId", patient).queryParam("tier", "SOON,ADVISORY")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
    }
}
