package com.backcare.catalog.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.BatchSize;
import org.hibernate.Session;

import com.backcare.catalog.persistence.PatientEntryDigestEntity;
import com.backcare.catalog.persistence.PatientStateEntity;
import com.backcare.commons.events.EventContract;
import com.backcare.commons.persistence.PatientEntryKey;
import com.backcare.commons.persistence.PatientKey;
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

import io.quarkus.hibernate.orm.panache.Panache;

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

    /** An event that passed {@link #check}, with its data decoded once (null for a type the plan does not use). */
    public record CheckedEvent(EventEnvelope envelope, Object data) {
        public String id() {
            return envelope.id();
        }
    }

    /**
     * Checks what needs no database: the data's shape and contract. An event that fails can never be applied; one
     * that passes carries its decoded data on, so nothing is decoded or validated twice.
     */
    public CheckedEvent check(EventEnvelope event) {
        Object data = null;
        if (event.is(EventType.PROFILE_CHANGED)) {
            data = contract.data(event, ProfileEventData.class);
        } else if (event.is(EventType.PATIENT_STATUS_CHANGED)) {
            PatientStatusEventData status = contract.data(event, PatientStatusEventData.class);
            if (status.tier() == null || status.advice() == null) {
                throw new InvalidEventException("data.tier and data.advice are required");
            }
            data = status;
        } else if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)
                || event.is(EventType.ENTRY_DELETED)) {
            EntryEventData entry = contract.data(event, EntryEventData.class);
            entryId(entry);
            data = entry;
        } else if (event.is(EventType.QUESTIONNAIRE_RESPONDED)) {
            data = contract.data(event, QuestionnaireResponseEventData.class);
        }
        return new CheckedEvent(event, data);
    }

    /** Applies one event: a batch of one. */
    @Transactional
    public void apply(CheckedEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies a poll's events in one transaction, in their order; the ids seen before are found with one statement,
     * the digests of the poll's entries with one more, and the states of its patients with one more. A patient seen
     * for the first time gets a state inserted once, complete, when the poll's events have been applied (persisted
     * empty and filled in afterwards, it would cost an INSERT and an UPDATE).
     */
    @Transactional
    public void applyAll(List<CheckedEvent> events) {
        Set<String> fresh = processed.firstTimes(events.stream().map(CheckedEvent::id).toList());
        Map<PatientEntryKey, PatientEntryDigestEntity> digests = digestsOf(events);
        States states = statesOf(events);
        for (CheckedEvent event : events) {
            if (fresh.remove(event.id())) { // once, even if the batch holds it twice
                applyChecked(event, digests, states);
            }
        }
        states.created.values().forEach(state -> state.persist());
    }

    /** The stored states of a poll's patients, and those it creates (inserted at its end). */
    private record States(Map<PatientKey, PatientStateEntity> stored, Map<PatientKey, PatientStateEntity> created) {

        PatientStateEntity of(EventEnvelope event) {
            PatientKey key = new PatientKey(event.clinicid(), event.patientid());
            PatientStateEntity state = stored.get(key);
            return state != null ? state : created.computeIfAbsent(key, PatientStateEntity::of);
        }
    }

    /** The stored states of the patients whose events change a state: one statement for the whole poll. */
    private static States statesOf(List<CheckedEvent> events) {
        List<PatientKey> keys = events.stream().filter(e -> changesState(e.data()))
                .map(e -> new PatientKey(e.envelope().clinicid(), e.envelope().patientid())).distinct().toList();
        return new States(stored(PatientStateEntity.class, keys, state -> state.key), new LinkedHashMap<>());
    }

    private static boolean changesState(Object data) {
        return data instanceof ProfileEventData || data instanceof PatientStatusEventData
                || data instanceof QuestionnaireResponseEventData;
    }

    /** The stored digests of the entries the events are about, by key: one statement for the whole poll. */
    private Map<PatientEntryKey, PatientEntryDigestEntity> digestsOf(List<CheckedEvent> events) {
        List<PatientEntryKey> keys = events.stream().filter(e -> e.data() instanceof EntryEventData)
                .map(e -> keyOf(e.envelope(), (EntryEventData) e.data())).distinct().toList();
        return stored(PatientEntryDigestEntity.class, keys, digest -> digest.key);
    }

    /** The stored entities of these keys (those there are), by key: one statement however many keys. */
    private static <K, E> Map<K, E> stored(Class<E> entity, List<K> keys, Function<E, K> keyOf) {
        Map<K, E> found = new HashMap<>();
        if (!keys.isEmpty()) {
            for (E stored : Panache.getEntityManager().unwrap(Session.class).findMultiple(entity, keys,
                    new BatchSize(keys.size()))) {
                if (stored != null) {
                    found.put(keyOf.apply(stored), stored);
                }
            }
        }
        return found;
    }

    private void applyChecked(CheckedEvent checked, Map<PatientEntryKey, PatientEntryDigestEntity> digests, States states) {
        EventEnvelope event = checked.envelope();
        if (checked.data() instanceof ProfileEventData data) {
            PatientStateEntity state = states.of(event);
            if (data.revision() > state.profileRevision && data.profile() != null) {
                state.profileRevision = data.revision();
                state.conditions = new java.util.ArrayList<>(data.profile().conditions());
            }
        } else if (checked.data() instanceof PatientStatusEventData data) {
            PatientStateEntity state = states.of(event);
            if (state.statusTime == null || !event.time().isBefore(state.statusTime)) {
                state.statusTime = event.time();
                state.triageTier = data.tier();
                state.triageAdvice = new java.util.ArrayList<>(data.advice());
            }
        } else if (checked.data() instanceof EntryEventData data) {
            digest(event, data, digests);
        } else if (checked.data() instanceof QuestionnaireResponseEventData data) {
            if (START_BACK.equals(data.questionnaire()) && data.score().riskGroup() != null) {
                PatientStateEntity state = states.of(event);
                if (state.startBackAt == null || !data.authored().isBefore(state.startBackAt)) {
                    state.startBackAt = data.authored();
                    state.startBackRisk = data.score().riskGroup();
                }
            }
        }
    }

    private static PatientEntryKey keyOf(EventEnvelope event, EntryEventData data) {
        return new PatientEntryKey(event.clinicid(), event.patientid(), entryId(data));
    }

    private void digest(EventEnvelope event, EntryEventData data, Map<PatientEntryKey, PatientEntryDigestEntity> digests) {
        var key = keyOf(event, data);
        PatientEntryDigestEntity digest = digests.get(key);
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
            digests.put(key, digest); // a later revision in the same poll updates this one
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
