package com.backcare.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;
import com.backcare.localstack.LocalSystem;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Replaying the journal topic from the start into an empty database yields the same alerts: same rules, tiers and
 * evidence. The journal traffic includes late entries, corrections, a deletion and a profile change.
 */
class TriageReplayIT extends AgainstTheRunningSystem {

    private static final String CLINIC = "clinic-replay";

    private static RequestSpecification as(String role, String subject) {
        return given().auth().oauth2(DevTokens.token(CLINIC, role, subject)).contentType(ContentType.JSON);
    }

    private static String post(String patient, String body) {
        return as("patient", patient).body(body).post(baseUrl("journal-service") + "/api/v1/patients/" + patient + "/entries")
                .then().statusCode(201).extract().path("id");
    }

    private static String day(int daysAgo, String fields) {
        return "{\"recordedAt\": \"" + Instant.now().minus(Duration.ofDays(daysAgo)) + "\", " + fields + "}";
    }

    /** Each alert as rule, tier and its sorted evidence, per patient. */
    private static Map<String, String> alertsOf(String triage, List<String> patients) {
        Map<String, String> alerts = new TreeMap<>();
        for (String patient : patients) {
            List<Map<String, Object>> items = as("clinician", "dr-replay").queryParam("patientId", patient)
                    .queryParam("limit", 100).get(triage + "/api/v1/alerts").then().statusCode(200).extract().path("items");
            for (Map<String, Object> a : items) {
                alerts.put(patient + " " + a.get("rule") + " " + a.get("status"),
                        a.get("tier") + " " + new TreeSet<>((List<?>) a.get("evidence")));
            }
        }
        return alerts;
    }

    @Test
    void aReplayIntoAnEmptyDatabaseYieldsTheSameAlerts() {
        String journal = baseUrl("journal-service");
        as("clinician", "dr-replay").body("{\"birthYear\": 1950, \"firstEpisode\": true, \"history\": [\"OSTEOPOROSIS\"]}")
                .put(journal + "/api/v1/patients/pat-a/profile").then().statusCode(200);
        post("pat-a", day(6, "\"intensity\": 3"));
        post("pat-a", day(2, "\"intensity\": 5"));
        post("pat-a", day(4, "\"intensity\": 4")); // late: recorded before the previous one
        String night = post("pat-a", day(1, "\"intensity\": 4, \"timing\": [\"AT_NIGHT\"]"));
        as("patient", "pat-a").body(day(1, "\"intensity\": 4, \"trauma\": \"MINOR\""))
                .put(journal + "/api/v1/patients/pat-a/entries/" + night).then().statusCode(200);
        String fever = post("pat-b", day(3, "\"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"FEVER\"}]"));
        post("pat-b", day(0, "\"intensity\": 7, \"associatedSymptoms\": [{\"code\": \"SADDLE_NUMBNESS\"}]"));
        as("patient", "pat-b").delete(journal + "/api/v1/patients/pat-b/entries/" + fever).then().statusCode(204);

        List<String> patients = List.of("pat-a", "pat-b");
        String live = baseUrl("triage-service");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> a = alertsOf(live, patients);
            return a.keySet().stream().anyMatch(k -> k.contains("CES_SADDLE"))
                    && a.keySet().stream().anyMatch(k -> k.contains("FRAGILITY_FRACTURE"))
                    && a.entrySet().stream().anyMatch(e -> e.getKey().contains("INFECTION") && e.getValue().endsWith("[]"));
        });
        Map<String, String> expected = alertsOf(live, patients);

        LocalSystem.Service replay = system.startInstance("triage-service", "triage-replay", "triage_replay",
                Map.of("mp.messaging.incoming.journal-events.group.id", "triage-replay"), Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(expected, alertsOf(replay.baseUrl(), patients)));
        assertFalse(expected.isEmpty());
    }
}
