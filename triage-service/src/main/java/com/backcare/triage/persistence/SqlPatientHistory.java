package com.backcare.triage.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

import com.backcare.commons.persistence.NativeSql;
import com.backcare.triage.domain.HistoryPoint;
import com.backcare.triage.domain.PatientHistory;

/**
 * One patient's timeline in the database. Every question is one statement over partial indexes on
 * (clinic, patient, recorded_at, entry_id), and a question about an intensity range probes one index position per
 * intensity value (at most eleven) rather than scanning the entries between: the cost stays put as the history grows.
 */
public final class SqlPatientHistory implements PatientHistory {

    private static final String COLUMNS = "entry_id, recorded_at, intensity, exercise_concern";
    private static final String BETWEEN = "clinic_id = :clinic AND patient_id = :patient AND NOT deleted "
            + "AND (recorded_at, entry_id) > (:afterAt, :afterId) AND (recorded_at, entry_id) < (:beforeAt, :beforeId)";
    private static final String FORWARD = " ORDER BY recorded_at, entry_id";
    private static final String BACKWARD = " ORDER BY recorded_at DESC, entry_id DESC";

    private final EntityManager em;
    private final String clinicId;
    private final String patientId;

    public SqlPatientHistory(EntityManager em, String clinicId, String patientId) {
        this.em = em;
        this.clinicId = clinicId;
        this.patientId = patientId;
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        return one(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN + BACKWARD + " LIMIT 1", after, before));
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return one(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN + " AND drop_before" + BACKWARD
                + " LIMIT 1", after, before));
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return byIntensity(after, before, 0, maxIntensity, true);
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return byIntensity(after, before, 0, maxIntensity, false);
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return byIntensity(after, before, minIntensity, 10, true);
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return byIntensity(after, before, minIntensity, 10, false);
    }

    /** The first or last entry whose intensity lies in [low, high]: the best of one probe per intensity value. */
    private Optional<HistoryPoint> byIntensity(HistoryPoint after, HistoryPoint before, int low, int high, boolean earliest) {
        if (low > high) {
            return Optional.empty();
        }
        String order = earliest ? FORWARD : BACKWARD;
        return one(query("SELECT x.* FROM generate_series(:low, :high) AS v(intensity), LATERAL (SELECT " + COLUMNS
                + " FROM patient_entry WHERE " + BETWEEN + " AND patient_entry.intensity = v.intensity" + order
                + " LIMIT 1) x" + order.replace("recorded_at", "x.recorded_at").replace("entry_id", "x.entry_id")
                + " LIMIT 1", after, before).setParameter("low", low).setParameter("high", high));
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        return one(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN
                + " AND exercise_concern <> 0 AND (exercise_concern & :qualities) <> 0" + FORWARD + " LIMIT 1", after,
                before).setParameter("qualities", qualities));
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        List<HistoryPoint> first = all(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN + FORWARD
                + " LIMIT :n", after, before).setParameter("n", limit + 1));
        if (first.size() <= limit) {
            return first.stream().map(HistoryPoint::id).toList();
        }
        List<HistoryPoint> last = new ArrayList<>(all(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN
                + BACKWARD + " LIMIT :n", after, before).setParameter("n", limit - 1)));
        Collections.reverse(last);
        List<UUID> ids = new ArrayList<>();
        ids.add(first.get(0).id());
        last.forEach(p -> ids.add(p.id()));
        return ids;
    }

    /**
     * The live entries recorded at or after {@code since}, oldest first, when there are at most {@code limit} of
     * them: a short history is cheaper to read once than to question probe by probe.
     */
    public Optional<List<HistoryPoint>> smallWindow(Instant since, int limit) {
        List<HistoryPoint> points = all(NativeSql.on(em, "SELECT " + COLUMNS + " FROM patient_entry WHERE clinic_id = "
                + ":clinic AND patient_id = :patient AND NOT deleted AND recorded_at >= :since" + FORWARD + " LIMIT :n",
                "patient_entry").setFlushMode(FlushModeType.COMMIT).setParameter("clinic", clinicId).setParameter("patient", patientId).setParameter("since", since)
                .setParameter("n", limit + 1));
        return points.size() <= limit ? Optional.of(points) : Optional.empty();
    }

    /** The entry right after {@code point} in the timeline, whose drop flag depends on what precedes it. */
    public Optional<UUID> successor(HistoryPoint point) {
        return one(query("SELECT " + COLUMNS + " FROM patient_entry WHERE " + BETWEEN + FORWARD + " LIMIT 1", point,
                HistoryPoint.END)).map(HistoryPoint::id);
    }

    /** Recomputes, for these entries, whether each lies more than one point below its predecessor. */
    public void refreshDrops(List<UUID> entryIds) {
        for (UUID id : entryIds) {
            NativeSql.on(em, "UPDATE patient_entry e SET drop_before = COALESCE(e.intensity < (SELECT p.intensity "
                    + "FROM patient_entry p WHERE p.clinic_id = e.clinic_id AND p.patient_id = e.patient_id "
                    + "AND NOT p.deleted AND (p.recorded_at, p.entry_id) < (e.recorded_at, e.entry_id) "
                    + "ORDER BY p.recorded_at DESC, p.entry_id DESC LIMIT 1) - 1, false) "
                    + "WHERE e.clinic_id = :clinic AND e.patient_id = :patient AND e.entry_id = :id", "patient_entry")
                    .setParameter("clinic", clinicId).setParameter("patient", patientId).setParameter("id", id)
                    .executeUpdate();
        }
    }

    /**
     * A question about the timeline. It does not flush the persistence context first: every change to an entry is
     * flushed where it is made, and the dirty check of a context full of a busy patient's alert findings cost a sixth
     * of a flood's time.
     */
    private Query query(String sql, HistoryPoint after, HistoryPoint before) {
        return NativeSql.on(em, sql, "patient_entry").setFlushMode(FlushModeType.COMMIT)
                .setParameter("clinic", clinicId).setParameter("patient", patientId)
                .setParameter("afterAt", after.recordedAt()).setParameter("afterId", after.id())
                .setParameter("beforeAt", before.recordedAt()).setParameter("beforeId", before.id());
    }

    private static Optional<HistoryPoint> one(Query query) {
        List<HistoryPoint> rows = all(query);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @SuppressWarnings("unchecked")
    private static List<HistoryPoint> all(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new HistoryPoint((UUID) r[0], instant(r[1]), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
