package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.backcare.triage.domain.AlertLifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EscalationTest {

    @Inject
    EntityManager em;
    @Inject
    AlertLifecycle lifecycle;

    private String raiseUrgent(String clinic, String patient) {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"FEVER\"}]}")));
        return (String) Alerts.awaitCount(clinic, patient, 1).get(0).get("id");
    }

    /** Moves the alert back in time, as if it had been raised {@code ago} earlier. */
    private void age(String alertId, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE alert SET created_at = created_at - "
                + "make_interval(secs => ?1), next_escalation_at = next_escalation_at - make_interval(secs => ?1) "
                + "WHERE id = ?2").setParameter(1, (double) ago.toSeconds()).setParameter(2, UUID.fromString(alertId))
                .executeUpdate());
    }

    @Test
    void anUnacknowledgedAlertEscalatesAtItsDeadlineAndAgainAtTheNext() {
        String clinic = newId("clinic");
        String alert = raiseUrgent(clinic, newId("pat"));
        asClinician(clinic).get("/api/v1/alerts/" + alert).then().body("escalationLevel", equalTo(0));
        age(alert, Duration.ofHours(4).plusMinutes(1)); // URGENT: 4 hours to acknowledge
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + alert)
                .then().body("escalationLevel", equalTo(1)).body("history.action", hasItem("ESCALATED")));
        age(alert, Duration.ofHours(4));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + alert)
                .then().body("escalationLevel", equalTo(2)));
    }

    @Test
    void anAcknowledgedAlertDoesNotEscalate() {
        String clinic = newId("clinic");
        String alert = raiseUrgent(clinic, newId("pat"));
        asClinician(clinic).body("{}").post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200);
        age(alert, Duration.ofHours(9));
        await().pollDelay(Duration.ofSeconds(2)).untilAsserted(() -> asClinician(clinic).get("/api/v1/alerts/" + alert)
                .then().body("escalationLevel", equalTo(0)));
    }

    @Test
    void twoInstancesEscalatingAtOnceEscalateEachDueAlertOnce() throws Exception {
        String clinic = newId("clinic");
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(raiseUrgent(clinic, newId("pat")));
        }
        // Push them past the deadline without letting the scheduler's 1 s tick get there first: both "instances"
        // race on the same due rows right away.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            alerts.forEach(a -> age(a, Duration.ofHours(4).plusMinutes(1)));
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> run = lifecycle::escalateDue;
                runs.add(instances.submit(run));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }
        Thread.sleep(1500); // the scheduler may run too: it must not escalate again before the next deadline
        for (String alert : alerts) {
            asClinician(clinic).get("/api/v1/alerts/" + alert).then().body("escalationLevel", equalTo(1));
            long escalations = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM alert_change WHERE alert_id = ?1 AND action = 'ESCALATED'")
                    .setParameter(1, UUID.fromString(alert)).getSingleResult()).longValue());
            assertEquals(1, escalations, "escalated once: " + alert);
        }
    }
}
