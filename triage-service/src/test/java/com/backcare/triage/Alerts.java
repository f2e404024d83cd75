package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads a patient's alerts the way a clinician of the clinic does. */
final class Alerts {

    private Alerts() {
    }

    /** Waits until the patient has exactly {@code count} alerts, and returns them. */
    static List<Map<String, Object>> awaitCount(String clinic, String patient, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(count)));
        return of(clinic, patient);
    }

    static List<Map<String, Object>> of(String clinic, String patient) {
        return asClinician(clinic).queryParam("patientId", patient).queryParam("limit", 100).get("/api/v1/alerts")
                .then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> byRule(String clinic, String patient, String rule) {
        return of(clinic, patient).stream().filter(a -> rule.equals(a.get("rule"))).findFirst().orElseThrow();
    }
}
