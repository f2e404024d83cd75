package com.backcare.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.DevTokens;
import com.backcare.localstack.TopicReader;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The whole product as a user meets it: three packaged services as separate processes on a real Kafka broker and
 * PostgreSQL, driven over HTTP only. A patient's red-flag entry becomes an EMERGENCY alert for their clinic.
 */
class RedFlagFlowIT extends AgainstTheRunningSystem {

    private static RequestSpecification as(String clinic, String role, String subject) {
        return given().auth().oauth2(DevTokens.token(clinic, role, subject)).contentType(ContentType.JSON);
    }

    @Test
    void aCaudaEquinaEntryBecomesAnEmergencyAlertForThePatientsClinicOnly() {
        as("clinic-north", "patient", "pat-42").body("""
                {"intensity": 7, "locations": [{"site": "LOWER_BACK", "side": "MIDLINE"}],
                 "associatedSymptoms": [{"code": "SADDLE_NUMBNESS"}, {"code": "BLADDER_DYSFUNCTION"}]}""")
                .post(baseUrl("journal-service") + "/api/v1/patients/pat-42/entries").then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as("clinic-north", "clinician", "dr-north").queryParam("patientId", "pat-42")
                        .get(baseUrl("triage-service") + "/api/v1/alerts").then().statusCode(200).body("items", hasSize(2)));

        as("clinic-north", "clinician", "dr-north").queryParam("patientId", "pat-42").get(baseUrl("triage-service") + "/api/v1/alerts")
                .then().body("items.rule", hasItem("CES_BLADDER")).body("items.rule", hasItem("CES_SADDLE"))
                .body("items.tier", not(hasItem("URGENT")));
        as("clinic-north", "patient", "pat-42").get(baseUrl("triage-service") + "/api/v1/patients/pat-42/status").then().statusCode(200)
                .body("tier", equalTo("EMERGENCY"));
        as("clinic-south", "clinician", "dr-south").get(baseUrl("triage-service") + "/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        as("clinic-south", "clinician", "dr-south").get(baseUrl("triage-service") + "/api/v1/patients/pat-42/status").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aJournalRequestAndTheAlertItRaisesShareOneTrace() throws Exception {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        as("clinic-trace", "patient", "pat-traced").header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01")
                .body("{\"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]}")
                .post(baseUrl("journal-service") + "/api/v1/patients/pat-traced/entries").then().statusCode(201);

        try (TopicReader alerts = new TopicReader(system.kafka().bootstrapServers(), Topics.ALERT_EVENTS)) {
            var raised = alerts.await(r -> "pat-traced".equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            String traceparent = new String(raised.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertEquals(traceId, traceparent.split("-")[1], "the alert event is in the trace of the journal request");
        }
        // Triage's one line for the raised alert carries the same trace id, so an operator finds it from the request.
        Path triageLog = system.logOf("triage-service");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(Files.readAllLines(triageLog).stream()
                .anyMatch(line -> line.contains("traceId=" + traceId) && line.contains("RAISED: rule=CES_BLADDER")),
                "triage logs the alert with the request's trace id"));
    }

    @Test
    void theCatalogServesExercisesSafeForACondition() {
        as("clinic-north", "patient", "pat-42").queryParam("condition", "spinal-stenosis").queryParam("limit", 100)
                .get(baseUrl("catalog-service") + "/api/v1/exercises").then().statusCode(200)
                .body("items.slug", hasItem("knee-to-chest")).body("items.slug", not(hasItem("prone-press-up")));
    }

    @Test
    void everyServiceIsHealthyAndDocumented() {
        for (String base : new String[] { baseUrl("journal-service"), baseUrl("triage-service"), baseUrl("catalog-service") }) {
            given().get(base + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(base + "/q/health/started").then().statusCode(200).body("status", equalTo("UP")); // Kubernetes' startup probe
            given().get(base + "/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
            given().get(base + "/q/metrics").then().statusCode(200);
        }
    }
}
