package com.backcare.triage.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.ProfileEventData;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.PatientEntryEntity;
import com.backcare.triage.persistence.PatientProfileEntity;
import com.backcare.triage.persistence.ProcessedEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies journal events: keeps each patient's entries and profile, runs the rules on every new or corrected entry
 * and raises alerts. Each event is applied once, in one transaction with its effects.
 */
@ApplicationScoped
public class TriageService {

    private static final Logger LOG = Logger.getLogger(TriageService.class);
    static final String SYSTEM_ACTOR = "triage-service";

    @Inject
    ProcessedEvents processed;
    private final ObjectMapper json = EventJson.mapper();
    @Inject
    Validator validator;

    Clock clock = Clock.systemUTC();

    @Transactional
    public void apply(EventEnvelope event) {
        if (!processed.firstTime(event.id())) {
            return;
        }
        if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)) {
            applyEntry(event, data(event, EntryEventData.class));
        } else if (event.is(EventType.ENTRY_DELETED)) {
            applyDeletion(event, data(event, EntryEventData.class));
        } else if (event.is(EventType.PROFILE_CHANGED)) {
            applyProfile(event, data(event, ProfileEventData.class));
        } else {
            LOG.debugf("Ignoring event type %s v%s, not one triage reads", event.type(), event.schemaversion());
        }
    }

    private void applyEntry(EventEnvelope event, EntryEventData data) {
        UUID entryId = entryId(data);
        PainReport report = data.entry();
        if (report == null || report.recordedAt() == null) {
            throw new InvalidEventException("data.entry with recordedAt is required");
        }
        requireValid(report);
        PatientEntryEntity stored = PatientEntryEntity.findEntry(event.clinicid(), event.patientid(), entryId).orElse(null);
        if (stored != null && stored.revision >= data.revision()) {
            return; // a late older revision: what we hold is newer
        }
        if (stored == null) {
            stored = new PatientEntryEntity();
            stored.key = new PatientEntryEntity.Key(event.clinicid(), event.patientid(), entryId);
        }
        stored.revision = data.revision();
        stored.recordedAt = report.recordedAt();
        stored.intensity = report.intensity();
        stored.report = report;
        stored.deleted = false;
        stored.persist();

        PatientProfile profile = PatientProfileEntity.profileOf(event.clinicid(), event.patientid());
        for (Finding finding : TriageRules.evaluate(new EntryContext(report, profile))) {
            raise(event.clinicid(), event.patientid(), finding, entryId);
        }
    }

    private void applyDeletion(EventEnvelope event, EntryEventData data) {
        UUID entryId = entryId(data);
        PatientEntryEntity.findEntry(event.clinicid(), event.patientid(), entryId).ifPresent(stored -> {
            if (stored.revision < data.revision()) {
                stored.revision = data.revision();
                stored.deleted = true;
            }
        });
    }

    private void applyProfile(EventEnvelope event, ProfileEventData data) {
        if (data.profile() == null) {
            throw new InvalidEventException("data.profile is required");
        }
        requireValid(data.profile());
        PatientProfileEntity stored = PatientProfileEntity.findFor(event.clinicid(), event.patientid()).orElse(null);
        if (stored != null && stored.revision >= data.revision()) {
            return;
        }
        if (stored == null) {
            stored = new PatientProfileEntity();
            stored.key = new PatientKey(event.clinicid(), event.patientid());
        }
        stored.revision = data.revision();
        stored.profile = data.profile();
        stored.persist();
    }

    /** Opens an alert for the rule, or adds this entry as evidence to the one already open. */
    private void raise(String clinicId, String patientId, Finding finding, UUID entryId) {
        Instant now = clock.instant();
        AlertEntity open = AlertEntity.openFor(clinicId, patientId, finding.rule()).orElse(null);
        if (open == null) {
            AlertEntity alert = new AlertEntity();
            alert.id = UUID.randomUUID();
            alert.clinicId = clinicId;
            alert.patientId = patientId;
            alert.rule = finding.rule();
            alert.tier = finding.tier();
            alert.tierRank = finding.tier().rank();
            alert.status = AlertStatus.OPEN;
            alert.reason = finding.reason();
            alert.advice = finding.advice();
            alert.evidence.add(entryId);
            alert.occurrences = 1;
            alert.ruleSetVersion = TriageRules.VERSION;
            alert.createdAt = now;
            alert.updatedAt = now;
            alert.persist();
            AlertChangeEntity.record(alert.id, now, SYSTEM_ACTOR, "RAISED", finding.reason());
        } else if (!open.evidence.contains(entryId)) {
            open.evidence.add(entryId);
            open.occurrences++;
            open.updatedAt = now;
            AlertChangeEntity.record(open.id, now, SYSTEM_ACTOR, "EVIDENCE_ADDED", "entry " + entryId);
        }
    }

    private <T> T data(EventEnvelope event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("data does not match " + event.type() + " v" + event.schemaversion()
                    + ": " + e.getMessage(), e);
        }
    }

    private <T> void requireValid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<String> problems = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .toList();
            throw new InvalidEventException("data breaks the contract: " + String.join("; ", problems));
        }
    }

    private static UUID entryId(EntryEventData data) {
        try {
            return UUID.fromString(data.entryId());
        } catch (RuntimeException e) {
            throw new InvalidEventException("data.entryId is not a UUID");
        }
    }
}
