package com.backcare.triage.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.ClinicSettingsEntity;

/**
 * OPEN → ACKNOWLEDGED → RESOLVED, each step by a clinician of the alert's clinic, with a note; and escalation of
 * alerts nobody acknowledged in time. EMERGENCY and URGENT alerts cannot be silenced: they are resolved only after
 * a clinician acknowledged them, never automatically.
 */
@ApplicationScoped
public class AlertLifecycle {

    @Inject
    Caller caller;
    @Inject
    AlertChanges changes;

    Clock clock = Clock.systemUTC();

    @Transactional
    public AlertEntity acknowledge(UUID alertId, String note) {
        AlertEntity alert = lockedInClinic(alertId);
        if (alert.status != AlertStatus.OPEN) {
            throw ApiProblem.conflict("alert " + alertId + " is " + alert.status + ", not OPEN");
        }
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.nextEscalationAt = null;
        changes.record(alert, "ACKNOWLEDGED", caller.subject(), note, clock.instant());
        return alert;
    }

    @Transactional
    public AlertEntity resolve(UUID alertId, String note) {
        AlertEntity alert = lockedInClinic(alertId);
        if (alert.status == AlertStatus.RESOLVED) {
            throw ApiProblem.conflict("alert " + alertId + " is already RESOLVED");
        }
        if (alert.status == AlertStatus.OPEN && (alert.tier == Tier.EMERGENCY || alert.tier == Tier.URGENT)) {
            throw ApiProblem.conflict(alert.tier + " alerts cannot be silenced: acknowledge it (take it on) first");
        }
        String statusBefore = changes.statusOf(alert.clinicId, alert.patientId);
        Instant now = clock.instant();
        alert.status = AlertStatus.RESOLVED;
        alert.nextEscalationAt = null;
        changes.record(alert, "RESOLVED", caller.subject(), note, now);
        AlertEntity.getEntityManager().flush();
        changes.statusIfChanged(alert.clinicId, alert.patientId, statusBefore, now);
        return alert;
    }

    /** Escalates every open alert past its deadline; returns how many. Safe to run on several instances at once. */
    @Transactional
    public int escalateDue() {
        Instant now = clock.instant();
        List<AlertEntity> due = AlertEntity.dueForEscalation(now, 100);
        for (AlertEntity alert : due) {
            Duration deadline = ClinicSettingsEntity.of(alert.clinicId).acknowledgeWithin(alert.tier).orElse(null);
            alert.escalationLevel++;
            alert.nextEscalationAt = deadline == null ? null
                    : alert.createdAt.plus(deadline.multipliedBy(alert.escalationLevel + 1L));
            changes.record(alert, "ESCALATED", TriageService.SYSTEM_ACTOR,
                    "not acknowledged within " + (deadline == null ? "its deadline" : deadline.multipliedBy(alert.escalationLevel))
                            + " of being raised", now);
        }
        return due.size();
    }

    private AlertEntity lockedInClinic(UUID alertId) {
        AlertEntity alert = AlertEntity.findInClinic(caller.clinicId(), alertId)
                .orElseThrow(() -> ApiProblem.notFound("no alert " + alertId));
        AlertEntity.getEntityManager().lock(alert, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        AlertEntity.getEntityManager().refresh(alert);
        return alert;
    }
}
