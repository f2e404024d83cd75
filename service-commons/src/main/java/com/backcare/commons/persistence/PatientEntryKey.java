package com.backcare.commons.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One journal entry of one patient of one clinic: the key of every service's per-entry rows. */
@Embeddable
public class PatientEntryKey implements Serializable {

    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "entry_id")
    public UUID entryId;

    public PatientEntryKey() {
    }

    public PatientEntryKey(String clinicId, String patientId, UUID entryId) {
        this.clinicId = clinicId;
        this.patientId = patientId;
        this.entryId = entryId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientEntryKey k && k.clinicId.equals(clinicId) && k.patientId.equals(patientId)
                && k.entryId.equals(entryId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinicId, patientId, entryId);
    }
}
