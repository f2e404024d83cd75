package com.backcare.journal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.backcare.commons.outbox.EventOutbox;
import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.problem.Problem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.EntryEventData;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.ProfileEventData;
import com.backcare.journal.persistence.EntryWrites;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.PainEntryRevisionEntity;
import com.backcare.journal.persistence.PatientProfileEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The pain journal: every change is stored with its history and its event appended to the outbox in one
 * transaction. All access is scoped to the caller's clinic, and patients to themselves.
 */
@ApplicationScoped
public class JournalService {

    /** A report may be dated a little ahead to absorb clock skew between a phone and the server. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final int EARLIEST_YEAR = 1900;
    /** The CloudEvents {@code source} of the journal's events. */
    static final String SOURCE = "/backcare/journal-service";
    private static final ObjectMapper CANONICAL = EventJson.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    @Inject
    Caller caller;
    @Inject
    EventOutbox outbox;
    @Inject
    EntryWrites writes;
    @Inject
    WriteLimits limits;
    @Inject
    Event<EntryRecorded> recorded;

    Clock clock = Clock.systemUTC();

    /** A recorded entry, and whether it is the replay of an earlier request with the same Idempotency-Key. */
    public record Recorded(PainEntryEntity entry, boolean replayed) {
    }

    /** Fired when an entry is recorded (not replayed); observed once it has committed ({@link JournalMetrics}). */
    public record EntryRecorded() {
    }

    @Transactional
    public Recorded record(String patientId, PainReport report, String idempotencyKey) {
        caller.requireAccessToPatient(patientId);
        limits.admit(caller.clinicId(), patientId);
        Instant now = clock.instant();
        PainReport dated = report.recordedAt() == null ? report.withRecordedAt(now) : report;
        requirePlausibleTime(patientId, dated, now);
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
        var event = outbox.prepare(SOURCE, EventType.ENTRY_RECORDED, entry.clinicId, patientId, now,
                new EntryEventData(entry.id.toString(), 1, dated));
        // The hash covers the request as sent (before recordedAt defaults), so a retry hashes the same.
        var claim = idempotencyKey == null ? null : new EntryWrites.IdempotencyClaim(idempotencyKey, hash(report));
        if (writes.insertRecorded(entry, caller.role(), event, claim)) {
            outbox.appendedInThisTransaction();
            recorded.fire(new EntryRecorded());
            return new Recorded(entry, false);
        }
        var first = writes.claimed(entry.clinicId, patientId, idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        if (!first.requestHash().equals(claim.requestHash())) {
            throw ApiProblem.unprocessable("idempotency-key-reused",
                    "Idempotency-Key " + idempotencyKey + " was already used with a different request body");
        }
        return new Recorded(PainEntryEntity.findById(first.entryId()), true);
    }

    @Transactional
    public PainEntryEntity entry(String patientId, UUID entryId) {
        caller.requireAccessToPatient(patientId);
        return PainEntryEntity.findInClinic(caller.clinicId(), patientId, entryId)
                .orElseThrow(() -> ApiProblem.notFound("no entry " + entryId + " for patient " + patientId));
    }

    /** Replaces an entry's report with a corrected one; the change is kept in the history and published. */
    @Transactional
    public PainEntryEntity correct(String patientId, UUID entryId, PainReport report, Integer expectedRevision) {
        PainEntryEntity entry = lockedLiveEntry(patientId, entryId, expectedRevision);
        Instant now = clock.instant();
        PainReport corrected = report.recordedAt() == null ? report.withRecordedAt(entry.recordedAt) : report;
        requirePlausibleTime(patientId, corrected, now);
        List<String> changed = changedFields(entry.report, corrected);
        if (changed.isEmpty()) {
            return entry;
        }
        entry.report = corrected;
        entry.recordedAt = corrected.recordedAt();
        entry.intensity = corrected.intensity();
        entry.revision++;
        entry.updatedAt = now;
        entry.updatedBy = caller.subject();
        addRevision(entry, "CORRECTED", changed, corrected, now);
        outbox.append(SOURCE, EventType.ENTRY_CORRECTED, entry.clinicId, patientId, now,
                new EntryEventData(entry.id.toString(), entry.revision, corrected));
        return entry;
    }

    /** Deletes an entry: it stops being served and stops being evidence, but its history stays. */
    @Transactional
    public void delete(String patientId, UUID entryId, Integer expectedRevision) {
        PainEntryEntity entry = lockedLiveEntry(patientId, entryId, expectedRevision);
        Instant now = clock.instant();
        entry.revision++;
        entry.deletedAt = now;
        entry.deletedBy = caller.subject();
        entry.updatedAt = now;
        entry.updatedBy = caller.subject();
        addRevision(entry, "DELETED", List.of(), null, now);
        outbox.append(SOURCE, EventType.ENTRY_DELETED, entry.clinicId, patientId, now,
                new EntryEventData(entry.id.toString(), entry.revision, null));
    }

    /**
     * An entry by id alone, deleted or not: a clinician's or admin's of their clinic, a patient's own. Anything else is
     * a 404, so ids cannot be probed.
     */
    @Transactional
    public PainEntryEntity entryById(UUID entryId) {
        return (caller.isStaff() ? PainEntryEntity.findInClinicWithDeleted(caller.clinicId(), entryId)
                : PainEntryEntity.findWithDeleted(caller.clinicId(), caller.subject(), entryId))
                .orElseThrow(() -> ApiProblem.notFound("no entry " + entryId));
    }

    /** Every revision of an entry, deleted ones included. */
    @Transactional
    public List<PainEntryRevisionEntity> history(String patientId, UUID entryId) {
        caller.requireAccessToPatient(patientId);
        PainEntryEntity entry = PainEntryEntity.findWithDeleted(caller.clinicId(), patientId, entryId)
                .orElseThrow(() -> ApiProblem.notFound("no entry " + entryId + " for patient " + patientId));
        return PainEntryRevisionEntity.of(entry.id);
    }

    @Transactional
    public Page<PainEntryEntity> entries(String patientId, Instant from, Instant to, String cursor, int limit) {
        caller.requireAccessToPatient(patientId);
        requireKnownPatient(patientId);
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            List<Object> key = Cursor.read(cursor, 2, parts -> List.of(Cursor.instant(parts.get(0)), UUID.fromString(parts.get(1))));
            afterAt = (Instant) key.get(0);
            afterId = (UUID) key.get(1);
        }
        List<PainEntryEntity> rows = PainEntryEntity.timeline(caller.clinicId(), patientId, from, to, afterAt, afterId,
                limit + 1);
        return Page.of(rows, limit, last -> Cursor.encode(last.recordedAt, last.id));
    }

    /** The patient's live entries in [from, to), oldest first, for the summary. */
    @Transactional
    public List<PainEntryEntity> window(String patientId, Instant from, Instant to) {
        caller.requireAccessToPatient(patientId);
        requireKnownPatient(patientId);
        return PainEntryEntity.between(caller.clinicId(), patientId, from, to);
    }

    @Transactional
    public PatientProfileEntity profile(String patientId) {
        caller.requireAccessToPatient(patientId);
        return PatientProfileEntity.findFor(caller.clinicId(), patientId).orElseGet(() -> {
            requireKnownPatient(patientId);
            PatientProfileEntity empty = new PatientProfileEntity();
            empty.key = new PatientKey(caller.clinicId(), patientId);
            empty.profile = PatientProfile.empty();
            empty.revision = 0;
            return empty;
        });
    }

    @Transactional
    public PatientProfileEntity updateProfile(String patientId, PatientProfile profile) {
        caller.requireAccessToPatient(patientId);
        limits.admit(caller.clinicId(), patientId);
        if (profile.birthYear() != null && profile.birthYear() > Year.now(clock).getValue()) {
            throw ApiProblem.invalidField("birthYear", "must not be in the future");
        }
        Instant now = clock.instant();
        PatientProfileEntity row = PatientProfileEntity.findFor(caller.clinicId(), patientId).orElse(null);
        if (row == null) {
            row = new PatientProfileEntity();
            row.key = new PatientKey(caller.clinicId(), patientId);
            row.revision = 0;
        } else if (row.profile.equals(profile)) {
            return row;
        }
        List<String> diagnosed = row.profile == null ? List.of() : row.profile.conditions();
        if (caller.isPatient() && !profile.conditions().equals(diagnosed)) {
            throw ApiProblem.forbidden("diagnosed conditions are set by a clinician");
        }
        row.profile = profile;
        row.revision++;
        row.updatedAt = now;
        row.updatedBy = caller.subject();
        row.persist();
        outbox.append(SOURCE, EventType.PROFILE_CHANGED, row.key.clinicId, patientId, now,
                new ProfileEventData(row.revision, profile));
        return row;
    }

    private PainEntryEntity lockedLiveEntry(String patientId, UUID entryId, Integer expectedRevision) {
        caller.requireAccessToPatient(patientId);
        limits.admit(caller.clinicId(), patientId);
        PainEntryEntity entry = PainEntryEntity.findInClinic(caller.clinicId(), patientId, entryId)
                .orElseThrow(() -> ApiProblem.notFound("no entry " + entryId + " for patient " + patientId));
        Panache.getEntityManager().lock(entry, LockModeType.PESSIMISTIC_WRITE);
        Panache.getEntityManager().refresh(entry);
        if (entry.isDeleted()) {
            throw ApiProblem.notFound("no entry " + entryId + " for patient " + patientId);
        }
        if (expectedRevision != null && expectedRevision != entry.revision) {
            throw new ApiProblem(Problem.of("revision-mismatch", "Precondition Failed", 412,
                    "the entry is at revision " + entry.revision + ", not " + expectedRevision + "; reload it and retry"));
        }
        return entry;
    }

    private void addRevision(PainEntryEntity entry, String action, List<String> changed, PainReport report, Instant at) {
        PainEntryRevisionEntity revision = new PainEntryRevisionEntity();
        revision.key = new PainEntryRevisionEntity.Key(entry.id, entry.revision);
        revision.action = action;
        revision.changedAt = at;
        revision.changedBy = caller.subject();
        revision.changedByRole = caller.role();
        revision.changedFields = changed;
        revision.report = report;
        revision.persist();
    }

    /**
     * A diary entry is felt by a living patient: not more than 5 minutes ahead, not before 1900, and not before the
     * year the patient was born (looked up only for entries dated in an earlier year, the rare case it can matter).
     */
    private void requirePlausibleTime(String patientId, PainReport report, Instant now) {
        Instant at = report.recordedAt();
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.invalidField("recordedAt", "must not be more than 5 minutes in the future");
        }
        int year = at.atZone(ZoneOffset.UTC).getYear();
        if (year < EARLIEST_YEAR) {
            throw ApiProblem.invalidField("recordedAt", "must not be before " + EARLIEST_YEAR);
        }
        if (year < now.atZone(ZoneOffset.UTC).getYear()) {
            Integer birthYear = PatientProfileEntity.findFor(caller.clinicId(), patientId)
                    .map(p -> p.profile.birthYear()).orElse(null);
            if (birthYear != null && year < birthYear) {
                throw ApiProblem.invalidField("recordedAt", "must not be before the patient's birth year " + birthYear);
            }
        }
    }

    /** The names of the report's fields whose values differ. */
    static List<String> changedFields(PainReport before, PainReport after) {
        JsonNode a = CANONICAL.valueToTree(before);
        JsonNode b = CANONICAL.valueToTree(after);
        List<String> changed = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!a.path(name).equals(b.path(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    static String hash(PainReport report) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
