package com.backcare.commons.persistence;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A patient of a clinic: the key of per-patient rows in every service (patient ids are unique per clinic only). */
@Embeddable
public class PatientKey implements Serializable {

    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "patient_id")
    public String patientId;

    public PatientKey() {
    }

    public PatientKey(String clinicId, String patientId) {
        this.clinicId = clinicId;
        this.patientId = patientId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientKey k && k.clinicId.equals(clinicId) && k.patientId.equals(patientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinicId, patientId);
    }
}
