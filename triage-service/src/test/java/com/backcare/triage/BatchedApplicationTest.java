package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.triage.domain.TriageService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A poll holding many patients' new entries is applied with a few statements for all of them; this proves the outcome
 * is the one applying each event alone gives: the same alerts, and the same timeline (each entry's drop flag).
 */
@QuarkusTest
class BatchedApplicationTest {

    private static final int PATIENTS = 12;
    private static final int ENTRIES = 16;
    private static final int STORED_BEFORE = 4;

    @Inject
    TriageService triage;
    @Inject
    DataSource db;

    @Test
    void aPollOfManyPatientsGivesTheAlertsAndTimelineThatOneEventAtATimeGives() throws Exception {
        String clinic = newId("clinic");
        Random random = new Random(42);
        List<List<EventEnvelope>> batchedJournals = new ArrayList<>();
        List<EventEnvelope> oneByOne = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            List<EventEnvelope> batched = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                UUID entry = UUID.randomUUID();
                boolean quiet = p % 2 == 0; // steady mild pain: nothing to flag
                String symptoms = quiet ? "" : random.nextInt(12) == 0 ? ",\"associatedSymptoms\":[{\"code\":\"FEVER\"}]"
                        : random.nextInt(8) == 0 ? ",\"associatedSymptoms\":[{\"code\":\"NUMBNESS\",\"side\":\"LEFT\"}]" : "";
                int day = i < 6 && p % 4 == 3 ? 20 - i : i + 1; // every fourth patient's first entries out of order
                String json = "{\"recordedAt\":\"2026-10-%02dT08:00:00Z\",\"intensity\":%d%s}".formatted(day,
                        quiet ? 3 : random.nextInt(11), symptoms);
                batched.add(entryRecorded(clinic, "batched-" + p, entry, report(json)));
                oneByOne.add(entryRecorded(clinic, "alone-" + p, entry, report(json)));
            }
            batchedJournals.add(batched);
        }
        // Each batched patient has some entries stored already, then the rest arrive in one poll, patients interleaved.
        List<EventEnvelope> poll = new ArrayList<>();
        for (List<EventEnvelope> journal : batchedJournals) {
            triage.applyAll(journal.subList(0, STORED_BEFORE).stream().map(triage::check).toList());
        }
        for (int i = STORED_BEFORE; i < ENTRIES; i++) {
            for (List<EventEnvelope> journal : batchedJournals) {
                poll.add(journal.get(i));
            }
        }
        triage.applyAll(poll.stream().map(triage::check).toList());
        oneByOne.forEach(event -> triage.apply(triage.check(event)));

        int withAlerts = 0;
        for (int p = 0; p < PATIENTS; p++) {
            List<String> batchedAlerts = comparable(Alerts.of(clinic, "batched-" + p));
            assertEquals(comparable(Alerts.of(clinic, "alone-" + p)), batchedAlerts, "alerts of patient " + p);
            withAlerts += batchedAlerts.isEmpty() ? 0 : 1;
            assertEquals(timeline(clinic, "alone-" + p), timeline(clinic, "batched-" + p), "timeline of patient " + p);
            assertEquals(recomputedDrops(clinic, "alone-" + p), timeline(clinic, "alone-" + p), "drops of patient " + p);
        }
        assertTrue(withAlerts > 0 && withAlerts < PATIENTS, "some patients raise alerts and some do not: " + withAlerts);
    }

    private static List<String> comparable(List<Map<String, Object>> alerts) {
        return alerts.stream().map(a -> String.join("|", String.valueOf(a.get("rule")), String.valueOf(a.get("tier")),
                String.valueOf(a.get("status")), String.valueOf(a.get("occurrences")), String.valueOf(a.get("evidence")),
                String.valueOf(a.get("reason")))).sorted().toList();
    }

    /** Each entry of the patient in timeline order, with its drop flag as stored. */
    private List<String> timeline(String clinic, String patient) throws Exception {
        return strings("SELECT entry_id || ':' || drop_before FROM patient_entry WHERE clinic_id = ? AND patient_id = ? "
                + "ORDER BY recorded_at, entry_id", clinic, patient);
    }

    /** The drop flags as the migration that introduced them computes them from scratch. */
    private List<String> recomputedDrops(String clinic, String patient) throws Exception {
        return strings("SELECT entry_id || ':' || COALESCE(intensity < lag(intensity) OVER (ORDER BY recorded_at, "
                + "entry_id) - 1, false) FROM patient_entry WHERE clinic_id = ? AND patient_id = ? AND NOT deleted "
                + "ORDER BY recorded_at, entry_id", clinic, patient);
    }

    private List<String> strings(String sql, String clinic, String patient) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clinic);
            s.setString(2, patient);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        }
    }
}
