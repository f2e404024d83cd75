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
import org.hibernate.type.SqlTypes;

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
    public PainReport report;
    public boolean deleted;
    /** ConcerningPain bits when the entry is concerning exercise pain, else 0 (what EXERCISE_PAIN_PERSISTS looks for). */
    @Column(name = "exercise_concern")
    public int exerciseConcern;

    public static Optional<PatientEntryEntity> findEntry(String clinicId, String patientId, UUID entryId) {
        return findByIdOptional(new PatientEntryKey(clinicId, patientId, entryId));
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

    /** The patient's live entries recorded at or after {@code from}, oldest first. */
    public static List<PatientEntryEntity> since(String clinicId, String patientId, Instant from) {
        return find("key.clinicId = ?1 and key.patientId = ?2 and deleted = false and recordedAt >= ?3 "
                + "order by recordedAt, key.entryId", clinicId, patientId, from).list();
    }

    public static boolean knownPatient(String clinicId, String patientId) {
        return count("key.clinicId = ?1 and key.patientId = ?2", clinicId, patientId) > 0;
    }
}
