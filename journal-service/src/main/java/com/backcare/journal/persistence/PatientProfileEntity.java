package com.backcare.journal.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.PatientProfile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A patient's risk profile in one clinic. */
@Entity
@Table(name = "patient_profile")
public class PatientProfileEntity extends PanacheEntityBase {

    @EmbeddedId
    public PatientKey key;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PatientProfile profile;
    public int revision;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<PatientProfileEntity> findFor(String clinicId, String patientId) {
        return findByIdOptional(new PatientKey(clinicId, patientId));
    }
}
