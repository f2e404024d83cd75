package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.PrometheusText;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.domain.TriageRules;

import io.quarkus.test.junit.QuarkusTest;

/** The series an on-call team alerts on: present from start-up, and moved by what they count. */
@QuarkusTest
class OperationalMetricsTest {

    private static PrometheusText scrape() {
        return new PrometheusText(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void everySeriesAnOnCallTeamAlertsOnIsExposedBeforeItFirstMoves() {
        PrometheusText metrics = scrape();
        TriageRules.tiers().forEach((rule, tier) ->
                metrics.require("backcare_alerts_raised_total", Map.of("rule", rule, "tier", tier.name())));
        for (Tier tier : Tier.values()) {
            metrics.require("backcare_alert_latency_seconds_bucket", Map.of("tier", tier.name(), "le", "0.1"));
            metrics.require("backcare_alert_latency_seconds_count", Map.of("tier", tier.name()));
            metrics.require("backcare_alerts_escalated_total", Map.of("tier", tier.name()));
        }
        metrics.require("backcare_events_dead_lettered_total", Map.of("topic", "backcare.journal.events"));
        metrics.require("backcare_webhook_attempts_failed_total");
        metrics.require("backcare_webhook_deliveries_failed_total");
        metrics.require("backcare_outbox_backlog_events");
        metrics.require("backcare_outbox_oldest_age_seconds");
        metrics.require("backcare_consumer_lag_records", Map.of("topic", "backcare.journal.events"));
    }

    @Test
    void aRedFlagCountsItsAlertAndItsCommitToAlertLatency() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        Map<String, String> bladder = Map.of("rule", "CES_BLADDER", "tier", "EMERGENCY");
        Map<String, String> emergency = Map.of("tier", "EMERGENCY");
        PrometheusText before = scrape();
        Instant sent = Instant.now();

        publish(entryRecorded(clinic, patient, UUID.randomUUID(), report(
                "{\"recordedAt\":\"" + sent + "\",\"intensity\":6,\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1)));

        // Counted after the commit, so it may trail the alert's visibility by a moment.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(
                before.require("backcare_alerts_raised_total", bladder) + 1,
                scrape().require("backcare_alerts_raised_total", bladder)));
        PrometheusText after = scrape();
        assertEquals(before.require("backcare_alert_latency_seconds_count", emergency) + 1,
                after.require("backcare_alert_latency_seconds_count", emergency));
        double seconds = after.require("backcare_alert_latency_seconds_sum", emergency)
                - before.require("backcare_alert_latency_seconds_sum", emergency);
        assertTrue(seconds > 0 && seconds < Duration.between(sent, Instant.now()).toMillis() / 1000.0 + 1,
                "the latency runs from the event's commit to the alert's: " + seconds + " s");
    }
}
