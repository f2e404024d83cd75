package com.backcare.catalog.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One journal entry in brief: when, how bad, whether the pain was concerning, and which exercises were logged. */
@Entity
@Table(name = "patient_entry_digest")
public class PatientEntryDigestEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public int revision;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public int intensity;
    public boolean concerning;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<LoggedExercise> exercises;
    public boolean deleted;

    /** An exercise as the patient logged it (a catalog slug or free text) and for how long. */
    public record LoggedExercise(String exercise, Integer minutes) {
    }

    public static List<PatientEntryDigestEntity> since(String clinicId, String patientId, Instant from) {
        return list("key.clinicId = ?1 and key.patientId = ?2 and deleted = false and recordedAt >= ?3 order by recordedAt",
                clinicId, patientId, from);
    }

    /** Which entry of which patient. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "clinic_id")
        public String clinicId;
        @Column(name = "patient_id")
        public String patientId;
        @Column(name = "entry_id")
        public UUID entryId;

        public Key() {
        }

        public Key(String clinicId, String patientId, UUID entryId) {
            this.clinicId = clinicId;
            this.patientId = patientId;
            this.entryId = entryId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.clinicId.equals(clinicId) && k.patientId.equals(patientId)
                    && k.entryId.equals(entryId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, patientId, entryId);
        }
    }
}
