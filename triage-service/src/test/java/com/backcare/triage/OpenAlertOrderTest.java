package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.persistence.AlertEntity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A poll that raises alerts works out the patient's new status from the open alerts it read and the ones it raised,
 * sorted in memory; the status event lists them in that order, so it must be the order PostgreSQL gives.
 */
@QuarkusTest
class OpenAlertOrderTest {

    @Test
    void openAlertsSortedInMemoryComeInTheDatabasesOrder() {
        Random random = new Random(20261207);
        String clinic = newId("clinic");
        String patient = newId("pat");
        Instant[] times = { Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:00:00.000001Z") };
        List<AlertEntity> made = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // Few tiers and instants, so most alerts tie on both and only their ids, half with the top bit set, order them.
            for (int i = 0; i < 60; i++) {
                Tier tier = random.nextBoolean() ? Tier.EMERGENCY : Tier.SOON;
                AlertEntity alert = new AlertEntity();
                alert.id = new UUID(random.nextLong(), random.nextLong());
                alert.clinicId = clinic;
                alert.patientId = patient;
                alert.rule = "RULE_" + i;
                alert.tier = tier;
                alert.tierRank = tier.rank();
                alert.status = AlertStatus.OPEN;
                alert.reason = "reason";
                alert.advice = "advice";
                alert.ruleSetVersion = "test";
                alert.createdAt = times[random.nextInt(times.length)];
                alert.updatedAt = alert.createdAt;
                alert.persist();
                made.add(alert);
            }
        });
        made.sort(AlertEntity.MOST_URGENT_FIRST);

        List<UUID> read = QuarkusTransaction.requiringNew()
                .call(() -> AlertEntity.openForPatient(clinic, patient).stream().map(a -> a.id).toList());

        assertEquals(read, made.stream().map(a -> a.id).toList());
    }
}
