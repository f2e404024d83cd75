package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.NativeSql;
import com.backcare.events.PainReport;

import com.backcare.commons.persistence.PatientEntryKey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest revision of one journal entry, as the rules see it. */
@Entity
@Table(name = "patient_entry")
public class PatientEntryEntity extends PanacheEntityBase {

    @EmbeddedId
    public PatientEntryKey key;
    public int revision;
    @NotNull
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public int intensity;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PainReport report;
    public boolean deleted;
    /** ConcerningPain bits when the entry is concerning exercise pain, else 0 (what EXERCISE_PAIN_PERSISTS looks for). */
    @Column(name = "exercise_concern")
    public int exerciseConcern;

    /** The entry, writable even if an evaluation read it read-only earlier in the transaction. */
    public static Optional<PatientEntryEntity> findEntry(String clinicId, String patientId, UUID entryId) {
        Optional<PatientEntryEntity> entry = findByIdOptional(new PatientEntryKey(clinicId, patientId, entryId));
        entry.ifPresent(e -> getEntityManager().unwrap(org.hibernate.Session.class).setReadOnly(e, false));
        return entry;
    }

    /** The patient's live entries recorded in [from, to], oldest first. */
    public static List<PatientEntryEntity> history(String clinicId, String patientId, Instant from, Instant to) {
        return find("key.clinicId = ?1 and key.patientId = ?2 and deleted = false and recordedAt >= ?3 "
                + "and recordedAt <= ?4 order by recordedAt, key.entryId", clinicId, patientId, from, to).list();
    }

    /** Where the entry stands in the patient's timeline. */
    public com.backcare.triage.domain.HistoryPoint point() {
        return new com.backcare.triage.domain.HistoryPoint(key.entryId, recordedAt, intensity, exerciseConcern);
    }

    /** The patient's live entries recorded at or after {@code from}, oldest first, read-only (never dirty-checked). */
    public static List<PatientEntryEntity> since(String clinicId, String patientId, Instant from) {
        return find("key.clinicId = ?1 and key.patientId = ?2 and deleted = false and recordedAt >= ?3 "
                + "order by recordedAt, key.entryId", clinicId, patientId, from)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** Writes a new entry at once, without keeping it in the persistence context. */
    public static void insert(PatientEntryKey key, int revision, com.backcare.triage.domain.HistoryPoint point,
            PainReport report) {
        String json;
        try {
            json = com.backcare.events.EventJson.mapper().writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        NativeSql.on(getEntityManager(), "INSERT INTO patient_entry (clinic_id, patient_id, entry_id, revision, "
                + "recorded_at, intensity, report, deleted, exercise_concern) VALUES (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 AS jsonb), "
                + "false, ?8)", "patient_entry").setParameter(1, key.clinicId).setParameter(2, key.patientId).setParameter(3, key.entryId)
                .setParameter(4, revision).setParameter(5, point.recordedAt()).setParameter(6, point.intensity())
                .setParameter(7, json).setParameter(8, point.exerciseConcern()).executeUpdate();
    }

    public static boolean knownPatient(String clinicId, String patientId) {
        // not count(): Hibernate builds a count query anew on every call, and one row is enough to know
        return !NativeSql.on(getEntityManager(), "SELECT 1 FROM patient_entry WHERE clinic_id = ?1 AND patient_id = ?2 "
                + "LIMIT 1", "patient_entry").setParameter(1, clinicId).setParameter(2, patientId).getResultList().isEmpty();
    }
}
