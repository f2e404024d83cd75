package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;
import com.backcare.localstack.FhirValidation;

import io.quarkus.test.junit.QuarkusTest;

/** Triage's FHIR R4 interface: alerts as DetectedIssues, status as a Flag, all valid R4; errors as OperationOutcome. */
@QuarkusTest
class FhirTriageTest {

    private static final String FHIR = "/fhir/r4";

    private String clinic;
    private String patient;
    private UUID entry;
    private String alertId;

    @BeforeEach
    void anEmergencyAlert() {
        clinic = newId("clinic");
        patient = newId("pat");
        entry = UUID.randomUUID();
        publish(entryRecorded(clinic, patient, entry, report(
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":7,\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1)));
        alertId = asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then().extract()
                .path("items[0].id");
    }

    private static void assertValid(String json) {
        assertEquals(List.of(), FhirValidation.errors(json), json);
    }

    @Test
    void theCapabilityStatementIsValidAndOpen() {
        assertValid(given().get(FHIR + "/metadata").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("CapabilityStatement")).extract().asString());
    }

    @Test
    void anAlertIsADetectedIssueWithItsRuleSeverityEvidenceAndMitigations() {
        String raised = asClinician(clinic).get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(200)
                .body("status", equalTo("registered")).body("severity", equalTo("high"))
                .body("code.coding[0].code", equalTo("CES_BLADDER"))
                .body("implicated[0].reference", equalTo("Observation/" + entry))
                .body("patient.reference", equalTo("Patient/" + patient)).extract().asString();
        assertValid(raised);
        asClinician(clinic).body("{\"note\": \"Called; sent to A&E.\"}").post("/api/v1/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200);
        asClinician(clinic).body("{\"note\": \"CES excluded by MRI.\"}").post("/api/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(200);
        String resolved = asPatient(clinic, patient).get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(200)
                .body("status", equalTo("final")).body("mitigation", hasSize(2))
                .body("mitigation[0].action.text", equalTo("Acknowledged: Called; sent to A&E."))
                .body("mitigation[1].author.reference", equalTo("Practitioner/dr-" + clinic)).extract().asString();
        assertValid(resolved);
        asClinician(clinic).queryParam("patient", patient).queryParam("status", "final").get(FHIR + "/DetectedIssue")
                .then().statusCode(200).body("entry", hasSize(1));
        asClinician(clinic).queryParam("patient", patient).queryParam("status", "registered").get(FHIR + "/DetectedIssue")
                .then().statusCode(200).body("entry", org.hamcrest.Matchers.nullValue()); // no match: no entries
    }

    @Test
    void aSearchIsAValidSearchsetAndThePatientsStatusAFlag() {
        assertValid(asPatient(clinic, patient).get(FHIR + "/DetectedIssue").then().statusCode(200)
                .body("type", equalTo("searchset")).body("entry", hasSize(1)).extract().asString());
        String flags = asClinician(clinic).queryParam("patient", patient).get(FHIR + "/Flag").then().statusCode(200)
                .body("entry[0].resource.status", equalTo("active"))
                .body("entry[0].resource.code.coding[0].code", equalTo("EMERGENCY"))
                .body("entry[0].resource.code.text", containsString("emergency department")).extract().asString();
        assertValid(flags);
        assertValid(asPatient(clinic, patient).get(FHIR + "/Flag/" + patient).then().statusCode(200).extract().asString());
    }

    @Test
    void errorsAreOperationOutcomesAndOtherClinicsAndPatientsSeeNothing() {
        asClinician(newId("clinic")).get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(404)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
        asPatient(clinic, newId("pat")).get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(404);
        asPatient(clinic, newId("pat")).queryParam("patient", patient).get(FHIR + "/Flag").then().statusCode(403);
        asClinician(newId("clinic")).queryParam("patient", patient).get(FHIR + "/Flag").then().statusCode(404);
        asClinician(clinic).queryParam("status", "open").get(FHIR + "/DetectedIssue").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("status"));
        given().get(FHIR + "/DetectedIssue").then().statusCode(401).body("issue[0].code", equalTo("login"));
        given().auth().oauth2(DevTokens.withScopes(clinic, "clinician", "dr-1", "user/Observation.rs"))
                .get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(403).body("issue[0].code", equalTo("forbidden"));
        given().auth().oauth2(DevTokens.withScopes(clinic, "clinician", "dr-1", "user/*.rs"))
                .get(FHIR + "/DetectedIssue/" + alertId).then().statusCode(200);
    }
}
