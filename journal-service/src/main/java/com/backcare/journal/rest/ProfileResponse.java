package com.backcare.journal.rest;

import java.time.Instant;

import com.backcare.events.PatientProfile;
import com.backcare.journal.persistence.PatientProfileEntity;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A patient's risk profile with its revision (0 until first saved). */
public record ProfileResponse(String patientId, int revision, Instant updatedAt, String updatedBy,
        @JsonUnwrapped PatientProfile profile) {

    static ProfileResponse of(PatientProfileEntity p) {
        return new ProfileResponse(p.key.patientId, p.revision, p.updatedAt, p.updatedBy, p.profile);
    }
}
