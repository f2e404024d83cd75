package com.backcare.triage.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.outbox.EventOutbox;
import com.backcare.commons.persistence.PerTransaction;
import com.backcare.events.AlertEventData;
import com.backcare.events.EventType;
import com.backcare.events.PatientStatusEventData;
import com.backcare.triage.domain.AlertChanges;
import com.backcare.triage.domain.TriageService;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

/**
 * Records an alert change everywhere it must go, in the caller's transaction: the alert's history (which also feeds
 * the live stream), the outbox (Kafka), and one pending delivery per webhook of the clinic. So a change is either
 * committed with all its notifications or not at all, and a slow subscriber never holds triage up.
 */
@ApplicationScoped
public class AlertChangeRecorder implements AlertChanges {

    public static final String SOURCE = "/backcare/triage-service";

    @Inject
    EventOutbox outbox;
    @Inject
    Event<DeliveriesAdded> deliveriesAdded;
    @Inject
    Event<AlertChanged> changed;
    @Inject
    FhirNotifications fhirNotifications;
    @Inject
    PerTransaction transaction;

    /** Fired when a change adds webhook deliveries; observed after the commit to send them at once. */
    public record DeliveriesAdded() {
    }

    /** A clinic's subscribers, read once a transaction: a poll's changes are many, its clinics few. */
    private record SubscribersOf(String clinicId) {
    }

    /**
     * Fired for every change; observed once it has committed ({@link AlertMetrics}). {@code causedAt}: when the
     * journal committed the event that raised the alert, for a raise; null otherwise.
     */
    public record AlertChanged(UUID alertId, String clinicId, String patientId, String change, String rule, String tier,
            Instant causedAt, String traceParent) {
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(AlertEntity alert, Instant causedAt, Instant at) {
        append(alert, "RAISED", TriageService.SYSTEM_ACTOR, alert.reason, at, causedAt);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AlertEntity alert, String change, String actor, String note, Instant at) {
        append(alert, change, actor, note, at, null);
    }

    private void append(AlertEntity alert, String change, String actor, String note, Instant at, Instant causedAt) {
        alert.updatedAt = at;
        AlertChangeEntity.record(alert.id, at, actor, change, note);
        var data = new AlertEventData(change, actor, note, alert.id.toString(), alert.rule, alert.tier.name(),
                alert.status.name(), alert.reason, alert.advice, alert.evidence.stream().map(UUID::toString).toList(),
                alert.occurrences, alert.escalationLevel, alert.evidenceWithdrawn, alert.ruleSetVersion,
                alert.createdAt, alert.updatedAt);
        var event = outbox.append(SOURCE, EventType.ALERT_CHANGED, alert.clinicId, alert.patientId, at, data);
        List<WebhookEntity> webhooks = transaction.remembered(new SubscribersOf(alert.clinicId),
                () -> WebhookEntity.ofClinic(alert.clinicId));
        for (WebhookEntity webhook : webhooks) {
            if (webhook.isFhir()) {
                fhirNotifications.alertChanged(webhook, alert, event.eventId(), event.traceParent(), at);
                continue;
            }
            WebhookDeliveryEntity.pending(webhook.id, alert.clinicId, event.eventId(), event.payload(), event.traceParent(), at)
                    .persist();
        }
        if (!webhooks.isEmpty() && transaction.firstTime(DeliveriesAdded.class)) {
            deliveriesAdded.fire(new DeliveriesAdded()); // after the commit, one pass sends all of them
        }
        changed.fire(new AlertChanged(alert.id, alert.clinicId, alert.patientId, change, alert.rule, alert.tier.name(),
                causedAt, event.traceParent()));
    }

    @Override
    public String statusOf(String clinicId, String patientId) {
        return highestTierOf(clinicId, patientId);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusIfChanged(String clinicId, String patientId, String before, Instant at) {
        statusIfChanged(clinicId, patientId, before, AlertEntity.openForPatient(clinicId, patientId), at);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusIfChanged(String clinicId, String patientId, String before, List<AlertEntity> open, Instant at) {
        String now = highestTier(open);
        if (now.equals(before)) {
            return;
        }
        var data = new PatientStatusEventData(now, before,
                open.stream().map(a -> new PatientStatusEventData.OpenAlert(a.id.toString(), a.rule, a.tier.name())).toList(),
                open.stream().map(a -> a.advice).distinct().toList());
        outbox.append(SOURCE, EventType.PATIENT_STATUS_CHANGED, clinicId, patientId, at, data);
    }

    /** The highest tier among these open alerts (sorted most urgent first), or NONE. */
    public static String highestTier(List<AlertEntity> openMostUrgentFirst) {
        return AlertEntity.patientStatus(openMostUrgentFirst);
    }

    public static String highestTierOf(String clinicId, String patientId) {
        return highestTier(AlertEntity.openForPatient(clinicId, patientId));
    }
}
