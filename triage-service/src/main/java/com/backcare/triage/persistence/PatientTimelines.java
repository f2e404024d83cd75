package com.backcare.triage.persistence;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.backcare.commons.persistence.NativeSql;
import com.backcare.commons.persistence.PatientEntryKey;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.EventJson;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.triage.domain.HistoryPoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Many patients' timelines at once: what a poll of events needs is read with a handful of statements whatever the
 * number of patients in it, each statement a lateral join over the same per-patient indexes that
 * {@link SqlPatientHistory} uses, so no patient's share grows with their history.
 */
public final class PatientTimelines {

    private static final String COLUMNS = "x.entry_id, x.recorded_at, x.intensity, x.exercise_concern";

    private final EntityManager em;

    public PatientTimelines(EntityManager em) {
        this.em = em;
    }

    /** An entry to write as new, with whether it lies more than one point below its predecessor. */
    public record NewEntry(PatientEntryKey key, int revision, HistoryPoint point, PainReport report, boolean dropBefore) {
    }

    /** Which of these entries are stored already (live or deleted). */
    public Set<PatientEntryKey> stored(Collection<PatientEntryKey> entries) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        entries.forEach(k -> keys.addObject().put("c", k.clinicId).put("p", k.patientId).put("e", k.entryId.toString()));
        Set<PatientEntryKey> found = new HashSet<>();
        for (Object[] row : rows("SELECT e.clinic_id, e.patient_id, e.entry_id FROM jsonb_to_recordset(cast(?1 AS jsonb)) "
                + "AS k(c text, p text, e uuid) JOIN patient_entry e ON e.clinic_id = k.c AND e.patient_id = k.p "
                + "AND e.entry_id = k.e", keys)) {
            found.add(new PatientEntryKey((String) row[0], (String) row[1], (UUID) row[2]));
        }
        return found;
    }

    /** Each patient's latest live entry; patients with none are absent. */
    public Map<PatientKey, HistoryPoint> latest(Collection<PatientKey> patients) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        patients.forEach(k -> keys.addObject().put("c", k.clinicId).put("p", k.patientId));
        Map<PatientKey, HistoryPoint> latest = new HashMap<>();
        for (Object[] row : rows("SELECT k.c, k.p, " + COLUMNS + " FROM jsonb_to_recordset(cast(?1 AS jsonb)) "
                + "AS k(c text, p text) CROSS JOIN LATERAL (SELECT entry_id, recorded_at, intensity, exercise_concern "
                + "FROM patient_entry WHERE clinic_id = k.c AND patient_id = k.p AND NOT deleted "
                + "ORDER BY recorded_at DESC, entry_id DESC LIMIT 1) x", keys)) {
            latest.put(new PatientKey((String) row[0], (String) row[1]), point(row, 2));
        }
        return latest;
    }

    /** Which of a patient's entries to read: those recorded at or after {@code since}, the latest {@code limit}. */
    public record Window(Instant since, int limit) {
    }

    /**
     * Each patient's live entries in their window, oldest first: all of them, or, where there are more than its limit,
     * the latest limit plus one (a list longer than the limit says there are earlier ones).
     */
    public Map<PatientKey, List<HistoryPoint>> windows(Map<PatientKey, Window> reads) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        reads.forEach((k, w) -> keys.addObject().put("c", k.clinicId).put("p", k.patientId).put("s", w.since().toString())
                .put("l", w.limit() + 1));
        Map<PatientKey, List<HistoryPoint>> windows = new HashMap<>();
        reads.keySet().forEach(k -> windows.put(k, new ArrayList<>()));
        for (Object[] row : rows("SELECT k.c, k.p, " + COLUMNS + " FROM jsonb_to_recordset(cast(?1 AS jsonb)) "
                + "AS k(c text, p text, s timestamptz, l int) CROSS JOIN LATERAL (SELECT entry_id, recorded_at, intensity, "
                + "exercise_concern FROM patient_entry WHERE clinic_id = k.c AND patient_id = k.p AND NOT deleted "
                + "AND recorded_at >= k.s ORDER BY recorded_at DESC, entry_id DESC LIMIT k.l) x "
                + "ORDER BY k.c, k.p, x.recorded_at, x.entry_id", keys)) {
            windows.get(new PatientKey((String) row[0], (String) row[1])).add(point(row, 2));
        }
        return windows;
    }

    /** Each patient's risk profile; patients without one get the empty profile. */
    public Map<PatientKey, PatientProfile> profiles(Collection<PatientKey> patients) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        patients.forEach(k -> keys.addObject().put("c", k.clinicId).put("p", k.patientId));
        Map<PatientKey, PatientProfile> profiles = new HashMap<>();
        patients.forEach(k -> profiles.put(k, PatientProfile.empty()));
        for (Object[] row : rows("SELECT k.c, k.p, cast(x.profile AS text) FROM jsonb_to_recordset(cast(?1 AS jsonb)) "
                + "AS k(c text, p text) JOIN patient_profile x ON x.clinic_id = k.c AND x.patient_id = k.p", keys)) {
            try {
                profiles.put(new PatientKey((String) row[0], (String) row[1]),
                        EventJson.mapper().readValue((String) row[2], PatientProfile.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored profile unreadable", e);
            }
        }
        return profiles;
    }

    /** Writes new entries as one JDBC batch, without the persistence context. */
    public void insert(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.flush(); // what the context holds goes first, as a native statement would have it
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO patient_entry (clinic_id, "
                    + "patient_id, entry_id, revision, recorded_at, intensity, report, deleted, exercise_concern, "
                    + "drop_before) VALUES (?, ?, ?, ?, ?, ?, cast(? AS jsonb), false, ?, ?)")) {
                for (NewEntry entry : entries) {
                    insert.setString(1, entry.key().clinicId);
                    insert.setString(2, entry.key().patientId);
                    insert.setObject(3, entry.key().entryId);
                    insert.setInt(4, entry.revision());
                    insert.setObject(5, entry.point().recordedAt().atOffset(ZoneOffset.UTC));
                    insert.setInt(6, entry.point().intensity());
                    insert.setString(7, json(entry.report()));
                    insert.setInt(8, entry.point().exerciseConcern());
                    insert.setBoolean(9, entry.dropBefore());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static String json(PainReport report) {
        try {
            return EventJson.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, ArrayNode keys) {
        return NativeSql.on(em, sql, "patient_entry", "patient_profile").setParameter(1, keys.toString()).getResultList();
    }

    private static HistoryPoint point(Object[] row, int at) {
        return new HistoryPoint((UUID) row[at], NativeSql.instant(row[at + 1]), ((Number) row[at + 2]).intValue(),
                ((Number) row[at + 3]).intValue());
    }
}
