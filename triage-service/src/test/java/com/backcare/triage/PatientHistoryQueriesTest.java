package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.backcare.triage.domain.HistoryPoint;
import com.backcare.triage.domain.ListHistory;
import com.backcare.triage.domain.PatientHistory;
import com.backcare.triage.persistence.SqlPatientHistory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The database's answers to the history rules' questions are exactly those of the in-memory reference, on a random
 * timeline with ties, drops, deleted entries and concerning exercise pain.
 */
@QuarkusTest
class PatientHistoryQueriesTest {

    @Inject
    EntityManager em;

    @Test
    void theDatabaseAnswersEveryHistoryQuestionAsTheReferenceDoes() {
        Random random = new Random(20261122);
        String clinic = newId("clinic");
        String patient = newId("pat");
        Instant start = Instant.parse("2026-08-01T00:00:00Z");
        List<HistoryPoint> live = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 300; i++) {
                // Hours apart, with some entries sharing an instant to exercise the id tie-break.
                Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 90)));
                HistoryPoint p = new HistoryPoint(UUID.randomUUID(), at, random.nextInt(11),
                        random.nextInt(4) == 0 ? 1 + random.nextInt(31) : 0);
                boolean deleted = random.nextInt(10) == 0;
                em.createNativeQuery("INSERT INTO patient_entry (clinic_id, patient_id, entry_id, revision, recorded_at, "
                        + "intensity, report, deleted, exercise_concern) VALUES (?1, ?2, ?3, 1, ?4, ?5, '{}'::jsonb, ?6, ?7)")
                        .setParameter(1, clinic).setParameter(2, patient).setParameter(3, p.id())
                        .setParameter(4, p.recordedAt()).setParameter(5, p.intensity()).setParameter(6, deleted)
                        .setParameter(7, p.exerciseConcern()).executeUpdate();
                if (!deleted) {
                    live.add(p);
                }
            }
            new SqlPatientHistory(em, clinic, patient).refreshDrops(live.stream().map(HistoryPoint::id).toList());
        });

        PatientHistory reference = new ListHistory(live);
        List<HistoryPoint> sorted = new ArrayList<>(live);
        sorted.sort(HistoryPoint.TIMELINE);
        QuarkusTransaction.requiringNew().run(() -> {
            PatientHistory sql = new SqlPatientHistory(em, clinic, patient);
            for (int q = 0; q < 200; q++) {
                HistoryPoint a = bound(random, sorted, start);
                HistoryPoint b = bound(random, sorted, start);
                int level = random.nextInt(11);
                int qualities = 1 + random.nextInt(31);
                String where = "between " + a + " and " + b + ", level " + level;
                assertEquals(reference.latest(a, b), sql.latest(a, b), "latest " + where);
                assertEquals(reference.latestDrop(a, b), sql.latestDrop(a, b), "latestDrop " + where);
                assertEquals(reference.earliestAtMost(a, b, level), sql.earliestAtMost(a, b, level), "earliestAtMost " + where);
                assertEquals(reference.latestAtMost(a, b, level), sql.latestAtMost(a, b, level), "latestAtMost " + where);
                assertEquals(reference.earliestAtLeast(a, b, level), sql.earliestAtLeast(a, b, level), "earliestAtLeast " + where);
                assertEquals(reference.latestAtLeast(a, b, level), sql.latestAtLeast(a, b, level), "latestAtLeast " + where);
                assertEquals(reference.earliestExerciseConcern(a, b, qualities), sql.earliestExerciseConcern(a, b, qualities),
                        "earliestExerciseConcern " + where);
                assertEquals(reference.ids(a, b, 20), sql.ids(a, b, 20), "ids " + where);
            }
        });
    }

    /** An entry's own point, the point just before one, or an instant's bound, at random. */
    private static HistoryPoint bound(Random random, List<HistoryPoint> sorted, Instant start) {
        HistoryPoint p = sorted.get(random.nextInt(sorted.size()));
        return switch (random.nextInt(4)) {
            case 0 -> p;
            case 1 -> HistoryPoint.justBefore(p);
            case 2 -> HistoryPoint.before(start.plus(Duration.ofHours(random.nextInt(24 * 90))));
            default -> HistoryPoint.after(start.plus(Duration.ofHours(random.nextInt(24 * 90))));
        };
    }
}
