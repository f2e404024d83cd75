package com.backcare.triage.persistence;

import java.io.Serializable;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.backcare.events.PatientProfile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest revision of a patient's risk profile, from the journal's profile events. */
@Entity
@Table(name = "patient_profile")
public class PatientProfileEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public int revision;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    public PatientProfile profile;

    public static Optional<PatientProfileEntity> findFor(String clinicId, String patientId) {
        return findByIdOptional(new Key(clinicId, patientId));
    }

    public static PatientProfile profileOf(String clinicId, String patientId) {
        return findFor(clinicId, patientId).map(p -> p.profile).orElse(PatientProfile.empty());
    }

    /** Which patient of which clinic. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "clinic_id")
        public String clinicId;
        @Column(name = "patient_id")
        public String patientId;

        public Key() {
        }

        public Key(String clinicId, String patientId) {
            this.clinicId = clinicId;
            this.patientId = patientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.clinicId.equals(clinicId) && k.patientId.equals(patientId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(clinicId, patientId);
        }
    }
}
