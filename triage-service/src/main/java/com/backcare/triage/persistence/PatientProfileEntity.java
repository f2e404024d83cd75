package com.backcare.triage.persistence;

import java.util.Optional;

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

/** The latest revision of a patient's risk profile, from the journal's profile events. */
@Entity
@Table(name = "patient_profile")
public class PatientProfileEntity extends PanacheEntityBase {

    @EmbeddedId
    public PatientKey key;
    public int revision;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PatientProfile profile;

    public static Optional<PatientProfileEntity> findFor(String clinicId, String patientId) {
        return findByIdOptional(new PatientKey(clinicId, patientId));
    }

    public static PatientProfile profileOf(String clinicId, String patientId) {
        return findFor(clinicId, patientId).map(p -> p.profile).orElse(PatientProfile.empty());
    }
}
