package com.backcare.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.AlertEntity.AlertCursor;
import com.backcare.triage.persistence.PatientEntryEntity;

/** What clinicians and patients may read of alerts: always within the caller's clinic, patients only their own. */
@ApplicationScoped
public class AlertQueries {

    @Inject
    Caller caller;

    @Transactional
    public Page<AlertEntity> queue(String patientId, Set<Tier> tiers, Set<AlertStatus> statuses, Set<String> rules,
            Instant from, Instant to, String cursor, int limit) {
        rules.stream().filter(r -> !TriageRules.ruleIds().contains(r)).findFirst().ifPresent(r -> {
            throw ApiProblem.invalidField("rule", "'" + r + "' is not one of " + TriageRules.ruleIds());
        });
        String patient = patientId;
        if (caller.isPatient()) {
            patient = patientId == null ? caller.subject() : patientId;
            caller.requireAccessToPatient(patient);
        }
        AlertCursor after = cursor == null ? null
                : Cursor.read(cursor, 3, parts -> new AlertCursor(Cursor.nonNegative(parts.get(0)),
                        Cursor.instant(parts.get(1)), UUID.fromString(parts.get(2))));
        List<AlertEntity> rows = AlertEntity.queue(caller.clinicId(), patient, tiers, statuses, rules, from, to, after,
                limit + 1);
        return Page.of(rows, limit, last -> Cursor.encode(last.tierRank, last.createdAt, last.id));
    }

    @Transactional
    public AlertEntity alert(UUID id) {
        AlertEntity alert = AlertEntity.findInClinic(caller.clinicId(), id)
                .orElseThrow(() -> ApiProblem.notFound("no alert " + id));
        if (caller.isPatient() && !alert.patientId.equals(caller.subject())) {
            throw ApiProblem.notFound("no alert " + id);
        }
        return alert;
    }

    /** The patient's open alerts, most urgent first; staff get a 404 for a patient their clinic has never seen. */
    @Transactional
    public List<AlertEntity> openAlertsOf(String patientId) {
        caller.requireAccessToPatient(patientId);
        if (caller.isStaff() && !PatientEntryEntity.knownPatient(caller.clinicId(), patientId)) {
            throw ApiProblem.notFound("no patient " + patientId + " in your clinic");
        }
        return AlertEntity.openForPatient(caller.clinicId(), patientId);
    }
}
