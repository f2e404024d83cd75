package com.backcare.journal;

import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/** The journal's series for an on-call team: present from start-up, and counting what they say. */
@QuarkusTest
class OperationalMetricsTest {

    private static PrometheusText scrape() {
        return new PrometheusText(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void theOutboxBacklogAndItsOldestAgeAreExposed() {
        PrometheusText metrics = scrape();
        metrics.require("backcare_outbox_backlog_events");
        metrics.require("backcare_outbox_oldest_age_seconds");
        metrics.require("backcare_entries_recorded_total");
    }

    @Test
    void anEntryIsCountedOnceItIsRecordedAndItsIdempotentReplayIsNot() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String key = UUID.randomUUID().toString();
        double before = scrape().require("backcare_entries_recorded_total");

        for (int i = 0; i < 2; i++) {
            asPatient(clinic, patient).header("Idempotency-Key", key).body("{\"intensity\": 4}").post(entriesOf(patient))
                    .then().statusCode(201);
        }

        assertEquals(before + 1, scrape().require("backcare_entries_recorded_total"));
    }
}
