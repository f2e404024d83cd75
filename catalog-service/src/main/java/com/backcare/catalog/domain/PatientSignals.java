package com.backcare.catalog.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.catalog.persistence.PatientEntryDigestEntity;
import com.backcare.catalog.persistence.PatientStateEntity;
import com.backcare.commons.events.EventContract;
import com.backcare.commons.persistence.PatientEntryKey;
import com.backcare.commons.persistence.ProcessedEvents;
import com.backcare.events.ConcerningPain;
import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventType;
import com.backcare.events.InvalidEventException;
import com.backcare.events.PainReport;
import com.backcare.events.PatientStatusEventData;
import com.backcare.events.ProfileEventData;
import com.backcare.events.QuestionnaireResponseEventData;

/**
 * Keeps what the plan needs from other services' events: diagnosed conditions (journal profile), triage status
 * (triage), each entry in brief (journal entries) and the latest STarT Back risk group (journal questionnaires). Each event is applied once, newest revision wins.
 */
@ApplicationScoped
public class PatientSignals {

    /** Pain at or above this is concerning for the plan whatever the exercise, beside concerning exercise pain. */
    static final int CONCERNING_INTENSITY = 6;
    /** The journal's id of the Keele STarT Back Screening Tool, whose risk group shapes the plan. */
    static final String START_BACK = "start-back";

    @Inject
    ProcessedEvents processed;
    @Inject
    EventContract contract;

    /** Checks what needs no database: the data's shape and contract. An event that fails can never be applied. */
    public void check(EventEnvelope event) {
        if (event.is(EventType.PROFILE_CHANGED)) {
            contract.data(event, ProfileEventData.class);
        } else if (event.is(EventType.PATIENT_STATUS_CHANGED)) {
            PatientStatusEventData data = contract.data(event, PatientStatusEventData.class);
            if (data.tier() == null || data.advice() == null) {
                throw new InvalidEventException("data.tier and data.advice are required");
            }
        } else if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)
                || event.is(EventType.ENTRY_DELETED)) {
            entryId(contract.data(event, EntryEventData.class));
        } else if (event.is(EventType.QUESTIONNAIRE_RESPONDED)) {
            contract.data(event, QuestionnaireResponseEventData.class);
        }
    }

    /** Applies one event: a batch of one. */
    @Transactional
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    /**
     * Applies a poll's events in one transaction, in their order; the ids seen before are found with one statement.
     * Every event is checked ({@link #check}) before it comes here.
     */
    @Transactional
    public void applyAll(List<EventEnvelope> events) {
        Set<String> fresh = processed.firstTimes(events.stream().map(EventEnvelope::id).toList());
        for (EventEnvelope event : events) {
            if (fresh.remove(event.id())) { // once, even if the batch holds it twice
                applyChecked(event);
            }
        }
    }

    private void applyChecked(EventEnvelope event) {
        if (event.is(EventType.PROFILE_CHANGED)) {
            ProfileEventData data = contract.data(event, ProfileEventData.class);
            PatientStateEntity state = PatientStateEntity.getOrCreate(event.clinicid(), event.patientid());
            if (data.revision() > state.profileRevision && data.profile() != null) {
                state.profileRevision = data.revision();
                state.conditions = new java.util.ArrayList<>(data.profile().conditions());
            }
        } else if (event.is(EventType.PATIENT_STATUS_CHANGED)) {
            PatientStatusEventData data = contract.data(event, PatientStatusEventData.class);
            PatientStateEntity state = PatientStateEntity.getOrCreate(event.clinicid(), event.patientid());
            if (state.statusTime == null || !event.time().isBefore(state.statusTime)) {
                state.statusTime = event.time();
                state.triageTier = data.tier();
                state.triageAdvice = new java.util.ArrayList<>(data.advice());
            }
        } else if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)
                || event.is(EventType.ENTRY_DELETED)) {
            digest(event, contract.data(event, EntryEventData.class));
        } else if (event.is(EventType.QUESTIONNAIRE_RESPONDED)) {
            QuestionnaireResponseEventData data = contract.data(event, QuestionnaireResponseEventData.class);
            if (START_BACK.equals(data.questionnaire()) && data.score().riskGroup() != null) {
                PatientStateEntity state = PatientStateEntity.getOrCreate(event.clinicid(), event.patientid());
                if (state.startBackAt == null || !data.authored().isBefore(state.startBackAt)) {
                    state.startBackAt = data.authored();
                    state.startBackRisk = data.score().riskGroup();
                }
            }
        }
    }

    private void digest(EventEnvelope event, EntryEventData data) {
        var key = new PatientEntryKey(event.clinicid(), event.patientid(), entryId(data));
        PatientEntryDigestEntity digest = PatientEntryDigestEntity.findById(key);
        if (digest != null && digest.revision >= data.revision()) {
            return;
        }
        if (data.entry() == null) { // deleted
            if (digest != null) {
                digest.revision = data.revision();
                digest.deleted = true;
            }
            return;
        }
        if (digest == null) {
            digest = new PatientEntryDigestEntity();
            digest.key = key;
        }
        PainReport r = data.entry();
        digest.revision = data.revision();
        digest.recordedAt = r.recordedAt();
        digest.intensity = r.intensity();
        digest.concerning = r.intensity() >= CONCERNING_INTENSITY || ConcerningPain.isConcerningExercisePain(r);
        List<PatientEntryDigestEntity.LoggedExercise> logged = r.exercises().stream()
                .map(e -> new PatientEntryDigestEntity.LoggedExercise(e.exercise().trim().toLowerCase(java.util.Locale.ROOT),
                        e.durationMinutes())).toList();
        digest.exercises = logged;
        digest.symptoms = !r.associatedSymptoms().isEmpty() || r.trauma() == com.backcare.events.vocabulary.Trauma.MAJOR;
        digest.eventTime = event.time();
        digest.deleted = false;
        digest.persist();
    }

    private static UUID entryId(EntryEventData data) {
        try {
            return UUID.fromString(data.entryId());
        } catch (RuntimeException e) {
            throw new InvalidEventException("data.entryId is not a UUID");
        }
    }
}
