package com.backcare.journal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.events.EntryEventData;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.ProfileEventData;
import com.backcare.journal.messaging.EventOutbox;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.PatientProfileEntity;

/**
 * The pain journal: every change is stored and its event appended to the outbox in one transaction. All
 * access is scoped to the caller's clinic, and patients to themselves.
 */
@ApplicationScoped
public class JournalService {

    /** A report may be dated a little ahead to absorb clock skew between a phone and the server. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    Caller caller;
    @Inject
    EventOutbox outbox;

    Clock clock = Clock.systemUTC();

    @Transactional
    public PainEntryEntity record(String patientId, PainReport report) {
        caller.requireAccessToPatient(patientId);
        Instant now = clock.instant();
        PainReport dated = report.recordedAt() == null ? report.withRecordedAt(now) : report;
        if (dated.recordedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.invalidField("recordedAt", "must not be more than 5 minutes in the future");
        }
        PainEntryEntity entry = new PainEntryEntity();
        entry.id = UUID.randomUUID();
        entry.clinicId = caller.clinicId();
        entry.patientId = patientId;
        entry.recordedAt = dated.recordedAt();
        entry.intensity = dated.intensity();
        entry.report = dated;
        entry.revision = 1;
        entry.createdAt = now;
        entry.updatedAt = now;
        entry.createdBy = caller.subject();
        entry.updatedBy = caller.subject();
        entry.persist();
        outbox.append(EventType.ENTRY_RECORDED, entry.clinicId, patientId, now,
                new EntryEventData(entry.id.toString(), entry.revision, dated));
        return entry;
    }

    @Transactional
    public PainEntryEntity entry(String patientId, UUID entryId) {
        caller.requireAccessToPatient(patientId);
        return PainEntryEntity.findInClinic(caller.clinicId(), patientId, entryId)
                .orElseThrow(() -> ApiProblem.notFound("no entry " + entryId + " for patient " + patientId));
    }

    @Transactional
    public Page<PainEntryEntity> entries(String patientId, Instant from, Instant to, String cursor, int limit) {
        caller.requireAccessToPatient(patientId);
        requireKnownPatient(patientId);
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            List<Object> key = Cursor.read(cursor, 2, parts -> List.of(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
            afterAt = (Instant) key.get(0);
            afterId = (UUID) key.get(1);
        }
        List<PainEntryEntity> rows = PainEntryEntity.timeline(caller.clinicId(), patientId, from, to, afterAt, afterId,
                limit + 1);
        return Page.of(rows, limit, last -> Cursor.encode(last.recordedAt, last.id));
    }

    @Transactional
    public PatientProfileEntity profile(String patientId) {
        caller.requireAccessToPatient(patientId);
        return PatientProfileEntity.findFor(caller.clinicId(), patientId).orElseGet(() -> {
            requireKnownPatient(patientId);
            PatientProfileEntity empty = new PatientProfileEntity();
            empty.key = new PatientProfileEntity.Key(caller.clinicId(), patientId);
            empty.profile = PatientProfile.empty();
            empty.revision = 0;
            return empty;
        });
    }

    @Transactional
    public PatientProfileEntity updateProfile(String patientId, PatientProfile profile) {
        caller.requireAccessToPatient(patientId);
        if (profile.birthYear() != null && profile.birthYear() > Year.now(clock).getValue()) {
            throw ApiProblem.invalidField("birthYear", "must not be in the future");
        }
        Instant now = clock.instant();
        PatientProfileEntity row = PatientProfileEntity.findFor(caller.clinicId(), patientId).orElse(null);
        if (row == null) {
            row = new PatientProfileEntity();
            row.key = new PatientProfileEntity.Key(caller.clinicId(), patientId);
            row.revision = 0;
        } else if (row.profile.equals(profile)) {
            return row;
        }
        if (caller.isPatient() && !profile.conditions().equals(row.profile == null ? List.of() : row.profile.conditions())) {
            throw ApiProblem.forbidden("diagnosed conditions are set by a clinician");
        }
        row.profile = profile;
        row.revision++;
        row.updatedAt = now;
        row.updatedBy = caller.subject();
        row.persist();
        outbox.append(EventType.PROFILE_CHANGED, row.key.clinicId, patientId, now,
                new ProfileEventData(row.revision, profile));
        return row;
    }

    /**
     * Staff see only patients their clinic has records of: an id from another clinic is a 404, so ids cannot be
     * probed. A patient always reaches their own (possibly empty) journal.
     */
    private void requireKnownPatient(String patientId) {
        if (caller.isStaff() && !PainEntryEntity.existsForPatient(caller.clinicId(), patientId)
                && PatientProfileEntity.findFor(caller.clinicId(), patientId).isEmpty()) {
            throw ApiProblem.notFound("no patient " + patientId + " in your clinic");
        }
    }
}
