package com.backcare.journal;

import static com.backcare.journal.Requests.START_BACK_HIGH;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.journal.Requests.responsesOf;
import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.FhirValidation;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The journal's FHIR R4 interface: resources valid against R4, searches paged, errors as OperationOutcome. */
@QuarkusTest
class FhirJournalTest {

    private static final String FHIR = "/fhir/r4";

    private String clinic;
    private String patient;
    private String entryId;

    @BeforeEach
    void aPatientWithTwoEntriesAndAScreening() {
        clinic = newId("clinic");
        patient = newId("pat");
        entryId = asPatient(clinic, patient).body("{\"recordedAt\": \"2026-11-18T08:00:00Z\", \"intensity\": 6, "
                + "\"locations\": [{\"site\": \"LOWER_BACK\", \"side\": \"LEFT\"}], \"notes\": \"stiff\"}")
                .post(entriesOf(patient)).then().statusCode(201).extract().path("id");
        asPatient(clinic, patient).body("{\"recordedAt\": \"2026-11-20T08:00:00Z\", \"intensity\": 3}")
                .post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).body(START_BACK_HIGH).post(responsesOf(patient)).then().statusCode(201);
    }

    private static void assertValid(String json) {
        assertEquals(List.of(), FhirValidation.errors(json), json);
    }

    @Test
    void theCapabilityStatementIsValidAndOpen() {
        String json = given().get(FHIR + "/metadata").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("CapabilityStatement")).extract().asString();
        assertValid(json);
    }

    @Test
    void entriesAndScoresAreObservationsInAPagedSearchsetAndEachIsValid() {
        String json = asClinician(clinic).queryParam("patient", "Patient/" + patient).get(FHIR + "/Observation")
                .then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                .body("entry", hasSize(5)) // two entries, then the screening's total, subscore and risk group
                .body("entry.resource.code.coding.code.flatten()", hasItem("72514-3"))
                .body("entry.resource.code.coding.code.flatten()", hasItem("91352-5"))
                .extract().asString();
        assertValid(json);
        JsonPath first = asClinician(clinic).queryParam("patient", patient).queryParam("code", "http://loinc.org|72514-3")
                .queryParam("_count", 1).get(FHIR + "/Observation").then().statusCode(200)
                .body("entry", hasSize(1)).body("entry[0].resource.valueInteger", equalTo(3))
                .body("link.relation", hasItem("next")).extract().jsonPath();
        String next = first.getString("link.find { it.relation == 'next' }.url");
        asClinician(clinic).urlEncodingEnabled(false).get(next).then().statusCode(200).body("entry", hasSize(1))
                .body("entry[0].resource.valueInteger", equalTo(6))
                .body("entry[0].resource.bodySite.coding[0].code", equalTo("LOWER_BACK"));
        asClinician(clinic).queryParam("patient", patient).queryParam("date", "ge2026-11-19")
                .queryParam("code", "72514-3").get(FHIR + "/Observation").then().statusCode(200).body("entry", hasSize(1));
        asPatient(clinic, patient).queryParam("code", "91351-7").get(FHIR + "/Observation").then().statusCode(200)
                .body("entry", hasSize(1)).body("entry[0].resource.valueInteger", equalTo(5))
                .body("entry[0].resource.derivedFrom[0].reference", startsWith("QuestionnaireResponse/"));
    }

    @Test
    void aCorrectedEntryIsAmendedADeletedOneEnteredInErrorAndTheHistoryHasEveryVersion() {
        asClinician(clinic).body("{\"recordedAt\": \"2026-11-18T08:00:00Z\", \"intensity\": 7}")
                .put(entriesOf(patient) + "/" + entryId).then().statusCode(200);
        asClinician(clinic).get(FHIR + "/Observation/" + entryId).then().statusCode(200)
                .body("status", equalTo("amended")).body("meta.versionId", equalTo("2")).body("valueInteger", equalTo(7));
        asClinician(clinic).delete(entriesOf(patient) + "/" + entryId).then().statusCode(204);
        assertValid(asClinician(clinic).get(FHIR + "/Observation/" + entryId).then().statusCode(200)
                .body("status", equalTo("entered-in-error")).extract().asString());
        String history = asPatient(clinic, patient).get(FHIR + "/Observation/" + entryId + "/_history").then()
                .statusCode(200).body("type", equalTo("history")).body("entry", hasSize(3))
                .body("entry[0].request.method", equalTo("DELETE")).body("entry[2].resource.valueInteger", equalTo(6))
                .extract().asString();
        assertValid(history);
    }

    @Test
    void questionnaireResponsesAreValidFhirWithTheChosenCodings() {
        String bundle = asPatient(clinic, patient).get(FHIR + "/QuestionnaireResponse").then().statusCode(200)
                .body("entry", hasSize(1)).body("entry[0].resource.status", equalTo("completed"))
                .body("entry[0].resource.item[8].answer[0].valueCoding.code", equalTo("very-much"))
                .extract().asString();
        assertValid(bundle);
        String id = JsonPath.from(bundle).getString("entry[0].resource.id");
        assertValid(asClinician(clinic).get(FHIR + "/QuestionnaireResponse/" + id).then().statusCode(200).extract().asString());
        assertValid(asClinician(clinic).get(FHIR + "/Observation/" + id + "-risk").then().statusCode(200)
                .body("valueCodeableConcept.coding[0].code", equalTo("LA9193-9")).extract().asString());
    }

    @Test
    void errorsAreOperationOutcomesNamingTheParameter() {
        asClinician(clinic).queryParam("patient", patient).queryParam("date", "yesterday").get(FHIR + "/Observation")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("invalid"))
                .body("issue[0].expression[0]", equalTo("date"));
        asClinician(clinic).get(FHIR + "/Observation").then().statusCode(400).body("issue[0].expression[0]", equalTo("patient"));
        given().get(FHIR + "/Observation/" + entryId).then().statusCode(401).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("login"));
        asClinician(clinic).get(FHIR + "/Observation/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void anotherClinicOrPatientFindsNothingAndAnotherPatientsSearchIsRefused() {
        asClinician(newId("clinic")).get(FHIR + "/Observation/" + entryId).then().statusCode(404);
        asPatient(clinic, newId("pat")).get(FHIR + "/Observation/" + entryId).then().statusCode(404);
        asPatient(clinic, newId("pat")).queryParam("patient", patient).get(FHIR + "/Observation").then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));
        asClinician(newId("clinic")).queryParam("patient", patient).get(FHIR + "/QuestionnaireResponse").then()
                .statusCode(404);
    }

    @Test
    void aRefusedSearchIsAuditedAgainstThePatientItNamedAndASuccessfulOneOnce() {
        String intruder = newId("pat");
        asPatient(clinic, intruder).queryParam("patient", "Patient/" + patient).get(FHIR + "/Observation").then()
                .statusCode(403);
        asPatient(clinic, intruder).queryParam("patient", patient).get(FHIR + "/QuestionnaireResponse").then()
                .statusCode(403);
        asClinician(clinic).queryParam("patient", patient).get(FHIR + "/Observation").then().statusCode(200);
        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> asAdmin(clinic).queryParam("patientId", patient)
                .queryParam("limit", 100).get(audit).then().statusCode(200)
                .body("items.findAll { it.action.startsWith('FHIR_') }", hasSize(3)));
        asAdmin(clinic).queryParam("patientId", patient).queryParam("limit", 100).get(audit).then()
                .body("items.findAll { it.action == 'FHIR_OBSERVATION_SEARCH' && it.outcome == 'DENIED' }.actor",
                        equalTo(List.of(intruder)))
                .body("items.findAll { it.action == 'FHIR_RESPONSE_SEARCH' && it.outcome == 'DENIED' }", hasSize(1))
                .body("items.findAll { it.action == 'FHIR_OBSERVATION_SEARCH' && it.outcome != 'DENIED' }.role",
                        equalTo(List.of("clinician")));
    }

    @Test
    void smartScopesAreHonouredWhereATokenCarriesThem() {
        String questionnairesOnly = DevTokens.withScopes(clinic, "patient", patient, "openid patient/Questionnaire.rs");
        given().auth().oauth2(questionnairesOnly).get(FHIR + "/Observation").then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
        given().auth().oauth2(questionnairesOnly).get(FHIR + "/Questionnaire/start-back").then().statusCode(200);
        String everything = DevTokens.withScopes(clinic, "patient", patient, "patient/*.rs");
        given().auth().oauth2(everything).get(FHIR + "/Observation").then().statusCode(200).body("entry", hasSize(5));
        String clinicianV1 = DevTokens.withScopes(clinic, "clinician", "dr-1", "user/Observation.read");
        given().auth().oauth2(clinicianV1).queryParam("patient", patient).get(FHIR + "/Observation").then().statusCode(200);
    }
}
