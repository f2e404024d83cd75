package com.backcare.triage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An alert as the API shows it; {@code history} only on the single-alert read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResponse(UUID id, String patientId, String clinicId, String rule, Tier tier, AlertStatus status,
        String reason, String advice, List<UUID> evidence, int occurrences, int escalationLevel, boolean evidenceWithdrawn,
        String ruleSetVersion, Instant createdAt, Instant updatedAt, List<Change> history) {

    /** One step of the alert's lifecycle. */
    public record Change(Instant at, String actor, String action, String note) {
    }

    static AlertResponse of(AlertEntity a) {
        return of(a, null);
    }

    static AlertResponse withHistory(AlertEntity a) {
        return of(a, AlertChangeEntity.historyOf(a.id).stream()
                .map(c -> new Change(c.at, c.actor, c.action, c.note)).toList());
    }

    private static AlertResponse of(AlertEntity a, List<Change> history) {
        return new AlertResponse(a.id, a.patientId, a.clinicId, a.rule, a.tier, a.status, a.reason, a.advice,
                List.copyOf(a.evidence), a.occurrences, a.escalationLevel, a.evidenceWithdrawn, a.ruleSetVersion,
                a.createdAt, a.updatedAt, history);
    }
}
