package com.backcare.journal;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PatternSummaryApiTest {

    @Test
    void theSummaryShowsTheWindowTheTrendAndWhatFollowsExercise() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (int daysAgo = 6; daysAgo >= 0; daysAgo--) {
            String exercise = daysAgo == 4 ? ", \"exercises\": [{\"exercise\": \"deadlift\", \"loadKg\": 60}]" : "";
            asPatient(clinic, patient).body("{\"recordedAt\": \"%s\", \"intensity\": %d, \"triggers\": [\"SITTING\"]%s}"
                    .formatted(today.minus(Duration.ofDays(daysAgo)), 8 - daysAgo, exercise))
                    .post(entriesOf(patient)).then().statusCode(201);
        }
        asPatient(clinic, patient).body("{\"recordedAt\": \"%s\", \"intensity\": 9}".formatted(today.minus(Duration.ofDays(30))))
                .post(entriesOf(patient)).then().statusCode(201);

        asClinician(clinic).get("/api/v1/patients/" + patient + "/summary").then().statusCode(200)
                .body("days", equalTo(14))
                .body("entryCount", equalTo(7))
                .body("daily", hasSize(15))
                .body("trend.direction", equalTo("WORSENING"))
                .body("trend.slopePerWeek", equalTo(7.0f))
                .body("triggers[0].code", equalTo("SITTING"))
                .body("triggers[0].count", equalTo(7))
                .body("exercises[0].exercise", equalTo("deadlift"))
                .body("exercises[0].entriesWithin48h", equalTo(2));
        asPatient(clinic, patient).queryParam("days", 60).get("/api/v1/patients/" + patient + "/summary").then()
                .statusCode(200).body("entryCount", equalTo(8));
    }

    @Test
    void daysAndZoneAreValidated() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).queryParam("days", 91).get("/api/v1/patients/" + patient + "/summary").then()
                .statusCode(400).body("violations[0].field", equalTo("days"));
        asPatient(clinic, patient).queryParam("zone", "Mars/Olympus").get("/api/v1/patients/" + patient + "/summary")
                .then().statusCode(400).body("violations[0].field", equalTo("zone"));
        asPatient(clinic, patient).queryParam("zone", "Europe/Berlin").get("/api/v1/patients/" + patient + "/summary")
                .then().statusCode(200).body("zone", equalTo("Europe/Berlin")).body("entryCount", equalTo(0));
    }
}
