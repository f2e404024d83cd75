package com.backcare.journal.persistence;

import java.io.Serializable;
import java.time.Instant;
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

/** A patient's risk profile in one clinic. */
@Entity
@Table(name = "patient_profile")
public class PatientProfileEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    public PatientProfile profile;
    public int revision;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<PatientProfileEntity> findFor(String clinicId, String patientId) {
        return findByIdOptional(new Key(clinicId, patientId));
    }

    /** The clinic and patient a profile belongs to. */
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
            return clinicId.hashCode() * 31 + patientId.hashCode();
        }
    }
}
