package com.backcare.triage;

import static com.backcare.localstack.Callers.as;
import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static com.backcare.triage.Requests.statusOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every triage endpoint and method refuses callers outside the clinic, other patients and the wrong roles. */
@QuarkusTest
class TriageAccessRulesTest {

    private static final String SETTINGS_BODY = "{\"ageThreshold\": 55, \"acknowledgeWithin\": "
            + "{\"EMERGENCY\": \"PT10M\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}";

    private String clinic;
    private String patient;
    private String alertPath;
    private String webhookPath;

    /** One endpoint: method, path and body (null for none). */
    private record Call(String method, String path, String body) {
        void by(RequestSpecification spec, int status) {
            (body == null ? spec : spec.body(body)).request(method, path).then().statusCode(status)
                    .contentType("application/problem+json").body("status", equalTo(status))
                    .body("type", containsString("/problems/"));
        }
    }

    @BeforeEach
    void aPatientWithAnAlertAndAClinicWithAWebhook() {
        clinic = newId("clinic");
        patient = newId("pat");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":8,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}")));
        alertPath = "/api/v1/alerts/" + Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
        webhookPath = "/api/v1/clinics/" + clinic + "/webhooks/" + asAdmin(clinic)
                .body("{\"url\": \"http://127.0.0.1:9/hook\"}").post("/api/v1/clinics/" + clinic + "/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private List<Call> everyEndpoint() {
        String settings = "/api/v1/clinics/" + clinic + "/triage-settings";
        String webhooks = "/api/v1/clinics/" + clinic + "/webhooks";
        return List.of(new Call("GET", "/api/v1/alerts", null),
                new Call("GET", alertPath, null),
                new Call("POST", alertPath + "/acknowledge", "{}"),
                new Call("POST", alertPath + "/resolve", "{\"note\": \"n\"}"),
                new Call("GET", "/api/v1/alerts/stream", null),
                new Call("GET", statusOf(patient), null),
                new Call("GET", statusOf(patient) + "/stream", null),
                new Call("GET", settings, null),
                new Call("PUT", settings, SETTINGS_BODY),
                new Call("GET", webhooks, null),
                new Call("POST", webhooks, "{\"url\": \"http://127.0.0.1:9/other\"}"),
                new Call("DELETE", webhookPath, null),
                new Call("GET", webhookPath + "/deliveries", null),
                new Call("POST", webhookPath + "/deliveries/" + UUID.randomUUID() + "/replay", null));
    }

    @Test
    void withoutOrWithABadTokenEveryEndpointIs401() {
        String expired = DevTokens.expired(clinic, "clinic-admin", "admin");
        String noClinic = DevTokens.token(null, "clinic-admin", "admin");
        everyEndpoint().forEach(call -> {
            call.by(given().contentType(ContentType.JSON), 401);
            call.by(given().auth().oauth2(expired).contentType(ContentType.JSON), 401);
            call.by(given().auth().oauth2(noClinic).contentType(ContentType.JSON), 401);
        });
    }

    @Test
    void staffOfAnotherClinicReachNothingOfThisOne() {
        String other = newId("clinic");
        new Call("GET", alertPath, null).by(asClinician(other), 404);
        new Call("POST", alertPath + "/acknowledge", "{}").by(asClinician(other), 404);
        new Call("POST", alertPath + "/resolve", "{\"note\": \"n\"}").by(asAdmin(other), 404);
        new Call("GET", statusOf(patient), null).by(asClinician(other), 404);
        new Call("GET", statusOf(patient) + "/stream", null).by(asClinician(other), 404);
        new Call("GET", "/api/v1/clinics/" + clinic + "/triage-settings", null).by(asAdmin(other), 404);
        new Call("PUT", "/api/v1/clinics/" + clinic + "/triage-settings", SETTINGS_BODY).by(asAdmin(other), 404);
        new Call("GET", "/api/v1/clinics/" + clinic + "/webhooks", null).by(asAdmin(other), 404);
        new Call("DELETE", webhookPath, null).by(asAdmin(other), 404);
        new Call("GET", webhookPath + "/deliveries", null).by(asAdmin(other), 404);
        asClinician(other).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void patientsReadOnlyTheirOwnAlertsAndStatusAndActOnNothing() {
        asPatient(clinic, patient).get(alertPath).then().statusCode(200).body("advice", containsString("emergency"));
        asPatient(clinic, patient).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1));
        String intruder = newId("pat");
        new Call("GET", alertPath, null).by(asPatient(clinic, intruder), 404);
        new Call("GET", statusOf(patient), null).by(asPatient(clinic, intruder), 403);
        new Call("GET", statusOf(patient) + "/stream", null).by(asPatient(clinic, intruder), 403);
        asPatient(clinic, intruder).queryParam("patientId", patient).get("/api/v1/alerts").then().statusCode(403);
        asPatient(clinic, intruder).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        everyEndpoint().stream().filter(c -> !c.method().equals("GET") || c.path().contains("clinics")
                || c.path().equals("/api/v1/alerts/stream")).forEach(call -> call.by(asPatient(clinic, patient), 403));
    }

    @Test
    void cliniciansDoNotAdministerTheClinic() {
        new Call("PUT", "/api/v1/clinics/" + clinic + "/triage-settings", SETTINGS_BODY).by(asClinician(clinic), 403);
        everyEndpoint().stream().filter(c -> c.path().contains("/webhooks"))
                .forEach(call -> call.by(asClinician(clinic), 403));
    }

    @Test
    void anUnknownRoleIsRefusedEverywhere() {
        everyEndpoint().forEach(call -> call.by(as(clinic, "receptionist", "desk"), 403));
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
        asClinician(clinic).header("Last-Event-ID", "yesterday").get("/api/v1/alerts/stream").then().statusCode(400)
                .body("violations[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void filtersByTierAndStatus() {
        asClinician(clinic).queryParam("patientId", patient).queryParam("tier", "EMERGENCY").queryParam("status", "OPEN")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1));
        asClinician(clinic).queryParam("patientId", patient).queryParam("tier", "SOON,ADVISORY")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        asClinician(clinic).queryParam("patientId", patient).queryParam("rule", "CES_BOWEL")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1));
        asClinician(clinic).queryParam("patientId", patient).queryParam("rule", "NIGHT_PAIN")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        asClinician(clinic).queryParam("patientId", patient).queryParam("to", "2000-01-01T00:00:00Z")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        asClinician(clinic).queryParam("rule", "HICCUPS").get("/api/v1/alerts").then().statusCode(400)
                .body("violations[0].field", equalTo("rule"));
        asClinician(clinic).queryParam("from", "noon").get("/api/v1/alerts").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }
}
