package com.backcare.catalog.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.PatientEntryKey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One journal entry in brief: when, how bad, whether the pain was concerning, and which exercises were logged. */
@Entity
@Table(name = "patient_entry_digest")
public class PatientEntryDigestEntity extends PanacheEntityBase {

    @EmbeddedId
    public PatientEntryKey key;
    public int revision;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public int intensity;
    public boolean concerning;
    /** The entry reported an associated symptom (numbness, bladder trouble, fever...). */
    public boolean symptoms;
    /** When the journal committed this revision (the event's time). */
    @Column(name = "event_time")
    public Instant eventTime;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<LoggedExercise> exercises;
    public boolean deleted;

    /** An exercise as the patient logged it (a catalog slug or free text) and for how long. */
    public record LoggedExercise(String exercise, Integer minutes) {
    }

    public static List<PatientEntryDigestEntity> since(String clinicId, String patientId, Instant from) {
        return list("key.clinicId = ?1 and key.patientId = ?2 and deleted = false and recordedAt >= ?3 order by recordedAt",
                clinicId, patientId, from);
    }
}
