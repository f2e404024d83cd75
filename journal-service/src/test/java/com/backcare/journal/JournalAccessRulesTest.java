package com.backcare.journal;

import static com.backcare.journal.Requests.CAUDA_EQUINA_ENTRY;
import static com.backcare.localstack.Callers.as;
import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static com.backcare.journal.Requests.responsesOf;
import static com.backcare.journal.Requests.START_BACK_HIGH;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every journal endpoint and method refuses callers outside the patient's clinic, other patients and the wrong roles. */
@QuarkusTest
class JournalAccessRulesTest {

    private static final String PROFILE = "{\"birthYear\": 1970, \"firstEpisode\": false}";

    private String clinic;
    private String patient;
    private String entryPath;

    /** One endpoint: method, path and body (null for reads). */
    private record Call(String method, String path, String body) {
        void by(RequestSpecification spec, int expectedStatus) {
            RequestSpecification request = body == null ? spec : spec.body(body);
            request.request(method, path).then().statusCode(expectedStatus)
                    .contentType("application/problem+json")
                    .body("status", equalTo(expectedStatus))
                    .body("title", not(equalTo(null)))
                    .body("type", containsString("/problems/"))
                    .body("detail", not(equalTo(null)));
        }
    }

    @BeforeEach
    void aPatientWithAnEntryAndAProfile() {
        clinic = newId("clinic");
        patient = newId("pat");
        String id = asPatient(clinic, patient).body(CAUDA_EQUINA_ENTRY).post(entriesOf(patient))
                .then().statusCode(201).extract().path("id");
        entryPath = entriesOf(patient) + "/" + id;
        asClinician(clinic).body(PROFILE).put(profileOf(patient)).then().statusCode(200);
    }

    private List<Call> everyEndpoint() {
        return List.of(new Call("POST", entriesOf(patient), CAUDA_EQUINA_ENTRY),
                new Call("GET", entriesOf(patient), null),
                new Call("GET", entryPath, null),
                new Call("PUT", entryPath, CAUDA_EQUINA_ENTRY),
                new Call("DELETE", entryPath, null),
                new Call("GET", entryPath + "/history", null),
                new Call("GET", "/api/v1/patients/" + patient + "/summary", null),
                new Call("GET", profileOf(patient), null),
                new Call("PUT", profileOf(patient), PROFILE),
                new Call("GET", "/api/v1/clinics/" + clinic + "/audit-records", null),
                new Call("POST", responsesOf(patient), START_BACK_HIGH),
                new Call("GET", responsesOf(patient), null));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        everyEndpoint().forEach(call -> call.by(given().contentType(ContentType.JSON), 401));
    }

    @Test
    void withAnExpiredTokenEveryEndpointIs401() {
        String expired = DevTokens.expired(clinic, "patient", patient);
        everyEndpoint().forEach(call -> call.by(given().auth().oauth2(expired).contentType(ContentType.JSON), 401));
    }

    @Test
    void withATokenSignedByAnotherKeyEveryEndpointIs401() {
        String forged = DevTokens.token(clinic, "patient", patient).replaceAll("\\.[^.]+$", ".c2lnbmF0dXJl");
        everyEndpoint().forEach(call -> call.by(given().auth().oauth2(forged).contentType(ContentType.JSON), 401));
    }

    @Test
    void aTokenWithoutAClinicIs401() {
        String noClinic = DevTokens.token(null, "clinician", "dr-nowhere");
        everyEndpoint().forEach(call -> call.by(given().auth().oauth2(noClinic).contentType(ContentType.JSON), 401));
    }

    @Test
    void aClinicianOfAnotherClinicGets404OnEveryReadAndSeesNothingWritten() {
        String otherClinic = newId("clinic");
        new Call("GET", entriesOf(patient), null).by(asClinician(otherClinic), 404);
        new Call("GET", entryPath, null).by(asClinician(otherClinic), 404);
        new Call("PUT", entryPath, CAUDA_EQUINA_ENTRY).by(asClinician(otherClinic), 404);
        new Call("DELETE", entryPath, null).by(asClinician(otherClinic), 404);
        new Call("GET", entryPath + "/history", null).by(asClinician(otherClinic), 404);
        new Call("GET", "/api/v1/patients/" + patient + "/summary", null).by(asClinician(otherClinic), 404);
        new Call("GET", profileOf(patient), null).by(asClinician(otherClinic), 404);
        new Call("GET", responsesOf(patient), null).by(asClinician(otherClinic), 404);
        new Call("GET", entryPath, null).by(asAdmin(otherClinic), 404);
        new Call("GET", "/api/v1/clinics/" + clinic + "/audit-records", null).by(asAdmin(otherClinic), 404);
        // The same patient id in the first clinic is untouched by anything the other clinic writes.
        asClinician(otherClinic).body("{\"intensity\": 1}").post(entriesOf(patient)).then().statusCode(201);
        asClinician(clinic).get(entriesOf(patient)).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void anotherPatientIsRefusedOnEveryEndpoint() {
        String intruder = newId("pat");
        everyEndpoint().forEach(call -> call.by(asPatient(clinic, intruder), 403));
    }

    @Test
    void onlyAClinicAdminReadsTheAuditTrail() {
        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        new Call("GET", audit, null).by(asClinician(clinic), 403);
        new Call("GET", audit, null).by(asPatient(clinic, patient), 403);
        asAdmin(clinic).get(audit).then().statusCode(200);
    }

    @Test
    void aPatientOfAnotherClinicWithTheSameIdSeesOnlyTheirOwnJournal() {
        String otherClinic = newId("clinic");
        new Call("GET", entryPath, null).by(asPatient(otherClinic, patient), 404);
        asPatient(otherClinic, patient).get(entriesOf(patient)).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void rolesOutsideTheAllowedOnesAreRefused() {
        new Call("POST", entriesOf(patient), CAUDA_EQUINA_ENTRY).by(asAdmin(clinic), 403);
        new Call("PUT", entryPath, CAUDA_EQUINA_ENTRY).by(asAdmin(clinic), 403);
        new Call("DELETE", entryPath, null).by(asAdmin(clinic), 403);
        new Call("PUT", profileOf(patient), PROFILE).by(asAdmin(clinic), 403);
        new Call("POST", responsesOf(patient), START_BACK_HIGH).by(asAdmin(clinic), 403);
        everyEndpoint().forEach(call -> call.by(as(clinic, "receptionist", "desk-1"), 403));
    }
}
