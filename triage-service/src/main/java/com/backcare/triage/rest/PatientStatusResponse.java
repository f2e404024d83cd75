package com.backcare.triage.rest;

import java.util.List;

import com.backcare.triage.persistence.AlertEntity;

/**
 * A patient's triage status: the highest tier among their open alerts ({@code NONE} when none is open), those
 * alerts, and the advice the patient should see now, most urgent first.
 */
public record PatientStatusResponse(String patientId, String tier, List<AlertResponse> openAlerts, List<String> advice) {

    static PatientStatusResponse of(String patientId, List<AlertEntity> open) {
        String tier = open.isEmpty() ? "NONE" : open.get(0).tier.name();
        List<String> advice = open.stream().map(a -> a.advice).distinct().toList();
        return new PatientStatusResponse(patientId, tier, open.stream().map(AlertResponse::of).toList(), advice);
    }
}
