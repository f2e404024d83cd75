package com.backcare.triage.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.backcare.commons.events.EventContract;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.commons.persistence.ProcessedEvents;
import com.backcare.commons.persistence.PatientEntryKey;
import com.backcare.events.ConcerningPain;
import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventType;
import com.backcare.events.InvalidEventException;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.ProfileEventData;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.AlertFindingEntity;
import com.backcare.triage.persistence.ClinicSettingsEntity;
import com.backcare.triage.persistence.PatientEntryEntity;
import com.backcare.triage.persistence.PatientProfileEntity;
import com.backcare.triage.persistence.PatientTimelines;
import com.backcare.triage.persistence.SqlPatientHistory;

/**
 * Applies journal events, each once and in one transaction with all its effects. After an entry changes, the rules
 * run again over the patient's entries from the earliest one the change can affect (by recordedAt), and the
 * findings are reconciled with the stored ones: new findings raise alerts or add evidence, findings that no longer
 * hold withdraw theirs. So the alerts depend only on the entries, whatever order they arrived in.
 */
@ApplicationScoped
public class TriageService {

    private static final Logger LOG = Logger.getLogger(TriageService.class);
    public static final String SYSTEM_ACTOR = "triage-service";
    /** An alert shows the evidence of its latest findings, this many at most. */
    static final int EVIDENCE_FINDINGS = 10;
    /** Up to this many entries in the rules' horizon, a patient's history is read at once instead of probed. */
    static final int SMALL_HISTORY = 200;
    /**
     * A poll reads a patient's latest history rows, this many for each of its new entries (at least
     * {@link #SMALL_HISTORY}), and questions them in memory; the rest of a long history (a flood's) is asked of the
     * database, each question about once a poll ({@link SplitHistory}). So a poll's cost does not grow with the history.
     */
    static final int HISTORY_ROWS_PER_NEW_ENTRY = 10;
    /** Patients whose alerts are raised with one read and one flush: as many as one JDBC batch holds. */
    static final int RAISES_TOGETHER = 50;

    @Inject
    ProcessedEvents processed;
    @Inject
    EventContract contract;
    @Inject
    EntityManager em;
    @Inject
    AlertChanges changes;
    @Inject
    Causes causes;

    Clock clock = Clock.systemUTC();

    /**
     * Decodes and checks what needs no database: the data's shape and contract. An event that fails can never be
     * applied ({@link InvalidEventException}).
     */
    public JournalEvent check(EventEnvelope event) {
        if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)) {
            EntryEventData data = contract.data(event, EntryEventData.class);
            entryId(data);
            if (data.entry() == null || data.entry().recordedAt() == null) {
                throw new InvalidEventException("data.entry with recordedAt is required");
            }
            return new JournalEvent(event, data, null);
        } else if (event.is(EventType.ENTRY_DELETED)) {
            EntryEventData data = contract.data(event, EntryEventData.class);
            entryId(data);
            return new JournalEvent(event, data, null);
        } else if (event.is(EventType.PROFILE_CHANGED)) {
            ProfileEventData data = contract.data(event, ProfileEventData.class);
            if (data.profile() == null) {
                throw new InvalidEventException("data.profile is required");
            }
            return new JournalEvent(event, null, data);
        }
        return new JournalEvent(event, null, null);
    }

    /** Applies one checked event: a batch of one. */
    @Transactional
    public void apply(JournalEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies a poll's events in one transaction: the ids seen before are found with one statement, each patient's
     * events are applied in their order, and each patient's entries are evaluated once, from the earliest point any of
     * them changed. Every event is checked ({@link #check}) before it comes here.
     */
    @Transactional
    public void applyAll(List<JournalEvent> events) {
        Set<String> fresh = processed.firstTimes(events.stream().map(JournalEvent::id).toList());
        Map<PatientKey, List<JournalEvent>> byPatient = new LinkedHashMap<>();
        for (JournalEvent event : events) {
            if (fresh.remove(event.id())) { // once, even if the batch holds it twice
                byPatient.computeIfAbsent(new PatientKey(event.envelope().clinicid(), event.envelope().patientid()),
                        k -> new ArrayList<>())
                        .add(event);
            }
        }
        Set<PatientKey> appended = appendNewEntries(byPatient);
        byPatient.forEach((patient, ofPatient) -> {
            if (appended.contains(patient)) {
                return;
            }
            // What this patient's events raise is traced back to the latest of them.
            causes.runFor(ofPatient.get(ofPatient.size() - 1).envelope(), () -> applyForPatient(patient, ofPatient));
            // What one patient's events touched is not needed for the next: keep flushes small.
            em.flush();
            em.clear();
        });
    }

    /**
     * The common case, applied for all the batch's patients at once: a patient whose events are all new entries, in
     * timeline order and after every entry stored, with a history short enough to read at once (a bounded number of rows a new
     * entry: a flood comes many entries a poll, so its long history is read once for all of them and questioned in
     * memory). A handful of statements read what every such patient needs and one batch writes their entries; the
     * rules then run in memory, and only a patient whose new entries raise findings goes on to the reconciliation (none
     * can have stored findings to withdraw: every finding in scope would be anchored on an entry after the latest live
     * one, so on a deleted entry, and those are inactive). New entries that came out of timeline order, among
     * themselves or before stored ones (concurrent writes of one patient), are applied here too when, applied one at a
     * time as they came, no step would change anything but the timeline. The outcome is exactly what {@link #applyForPatient} would give. Returns the patients applied here;
     * the caller applies the others one by one.
     */
    private Set<PatientKey> appendNewEntries(Map<PatientKey, List<JournalEvent>> byPatient) {
        Map<PatientKey, List<NewEntry>> candidates = new LinkedHashMap<>(); // each patient's, in the order they came
        byPatient.forEach((patient, events) -> {
            List<NewEntry> entries = new ArrayList<>();
            Set<UUID> ids = new java.util.HashSet<>();
            for (JournalEvent event : events) {
                if (!event.is(EventType.ENTRY_RECORDED)) {
                    return;
                }
                EntryEventData data = event.entry();
                PainReport report = data.entry();
                NewEntry entry = new NewEntry(event, new PatientEntryKey(patient.clinicId, patient.patientId, entryId(data)),
                        data.revision(), new HistoryPoint(entryId(data), report.recordedAt(), report.intensity(),
                                ConcerningPain.exerciseConcern(report)), report);
                if (!ids.add(entry.key().entryId)) {
                    return; // one entry twice: its later revision is applied one by one
                }
                entries.add(entry);
            }
            candidates.put(patient, entries);
        });
        if (candidates.isEmpty()) {
            return Set.of();
        }
        PatientTimelines timelines = new PatientTimelines(em);
        Set<PatientEntryKey> stored = timelines.stored(candidates.values().stream().flatMap(List::stream)
                .map(NewEntry::key).toList());
        candidates.values().removeIf(entries -> entries.stream().anyMatch(e -> stored.contains(e.key())));
        Map<PatientKey, HistoryPoint> latest = timelines.latest(candidates.keySet());
        Map<PatientKey, PatientTimelines.Window> reads = new LinkedHashMap<>();
        candidates.forEach((patient, entries) -> reads.put(patient, new PatientTimelines.Window(
                earliest(entries).recordedAt().minus(EntryContext.HORIZON), historyRowsFor(entries.size()))));
        Map<PatientKey, List<HistoryPoint>> windows = timelines.windows(reads);
        // Where only the latest rows of a window were read, the earliest of them says whether the next, the boundary of
        // what is held in memory, is a drop; the new entries must all come after the boundary.
        Map<PatientKey, HistoryPoint> boundaries = new HashMap<>();
        candidates.entrySet().removeIf(c -> {
            List<HistoryPoint> window = windows.get(c.getKey());
            if (window.size() <= reads.get(c.getKey()).limit()) {
                return false;
            }
            HistoryPoint boundary = window.get(1);
            if (!boundary.isBefore(earliest(c.getValue()))) {
                return true;
            }
            boundaries.put(c.getKey(), boundary);
            return false;
        });
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Map<PatientKey, PatientProfile> profiles = timelines.profiles(candidates.keySet());
        Map<String, ClinicSettings> settings = new HashMap<>();
        Set<PatientKey> outOfOrder = new java.util.HashSet<>();
        candidates.entrySet().removeIf(c -> {
            boolean late = latest.containsKey(c.getKey()) && !latest.get(c.getKey()).isBefore(earliest(c.getValue()));
            if (!late && inTimelineOrder(c.getValue())) {
                return false;
            }
            outOfOrder.add(c.getKey());
            return !quietOneAtATime(c.getKey(), windows.get(c.getKey()), boundaries.get(c.getKey()), c.getValue(),
                    profiles.get(c.getKey()), settings.computeIfAbsent(c.getKey().clinicId, ClinicSettingsEntity::of));
        });

        // Each new entry's drop flag against its predecessor in the merged timeline; a stored entry that now follows a
        // new one has its flag recomputed after the insert.
        List<PatientTimelines.NewEntry> rows = new ArrayList<>();
        Map<PatientKey, List<UUID>> followers = new LinkedHashMap<>();
        candidates.forEach((patient, entries) -> {
            List<HistoryPoint> merged = new ArrayList<>(windows.get(patient));
            Map<UUID, NewEntry> fresh = new HashMap<>();
            entries.forEach(e -> {
                merged.add(e.point());
                fresh.put(e.point().id(), e);
            });
            merged.sort(HistoryPoint.TIMELINE);
            HistoryPoint before = windows.get(patient).isEmpty() ? latest.get(patient) : null;
            for (HistoryPoint point : merged) {
                NewEntry entry = fresh.get(point.id());
                if (entry != null) {
                    boolean drop = before != null && point.intensity() < before.intensity() - 1;
                    rows.add(new PatientTimelines.NewEntry(entry.key(), entry.revision(), point, entry.report(), drop));
                } else if (before != null && fresh.containsKey(before.id())) {
                    followers.computeIfAbsent(patient, p -> new ArrayList<>()).add(point.id());
                }
                before = point;
            }
        });
        timelines.insert(rows);
        followers.forEach((patient, ids) -> new SqlPatientHistory(em, patient.clinicId, patient.patientId).refreshDrops(ids));

        List<Raise> raises = new ArrayList<>();
        candidates.forEach((patient, entries) -> {
            if (outOfOrder.contains(patient)) {
                return; // quiet at every step, as checked: nothing to reconcile
            }
            List<HistoryPoint> points = new ArrayList<>(windows.get(patient));
            entries.forEach(e -> points.add(e.point()));
            PatientHistory history = withEarlier(patient, boundaries.get(patient), new IndexedHistory(points));
            ClinicSettings clinic = settings.computeIfAbsent(patient.clinicId, ClinicSettingsEntity::of);
            boolean found = entries.stream().anyMatch(e -> !TriageRules.evaluate(new EntryContext(e.point().id(), e.report(),
                    profiles.get(patient), clinic, history)).isEmpty());
            if (found) {
                List<JournalEvent> events = byPatient.get(patient);
                Instant causedAt = events.stream().map(JournalEvent::time).filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null);
                List<Anchor> anchors = entries.stream().map(e -> new Anchor(e.point().id(), e.point().recordedAt(),
                        e.report())).toList();
                raises.add(new Raise(patient, events.get(events.size() - 1).envelope(), anchors, history, causedAt,
                        profiles.get(patient), clinic));
            }
        });
        for (int i = 0; i < raises.size(); i += RAISES_TOGETHER) {
            raiseTogether(raises.subList(i, Math.min(raises.size(), i + RAISES_TOGETHER)));
        }
        return candidates.keySet();
    }

    /** A patient whose new entries, appended with the batch, found something: what raising its alerts needs. */
    private record Raise(PatientKey patient, EventEnvelope cause, List<Anchor> anchors, PatientHistory history,
            Instant causedAt, PatientProfile profile, ClinicSettings clinic) {
    }

    /**
     * Raises the alerts (or adds evidence to the open ones) of patients whose new entries found something, together:
     * their open alerts are read with one statement and their new alerts and findings written with one flush, so a
     * burst of red flags costs a few statements per poll rather than per patient. Then each patient's changes are
     * recorded under the trace of its latest event. None can have stored findings to withdraw ({@link #appendNewEntries}).
     */
    private void raiseTogether(List<Raise> raises) {
        Map<PatientKey, List<AlertEntity>> open = AlertEntity.openForPatients(
                raises.stream().map(Raise::patient).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        List<Reconciled> reconciled = new ArrayList<>();
        for (Raise raise : raises) {
            List<AlertEntity> openOfPatient = open.get(raise.patient());
            reconciled.add(plan(raise.patient().clinicId, raise.patient().patientId, raise.anchors(), List.of(),
                    raise.history(), raise.causedAt(), raise.profile(), raise.clinic(),
                    rule -> openOfPatient.stream().filter(a -> a.rule.equals(rule)).findFirst()));
        }
        persist(reconciled);
        em.flush();
        Map<UUID, List<AlertFindingEntity>> latest = latestFindingsOf(reconciled);
        for (int i = 0; i < raises.size(); i++) {
            Raise raise = raises.get(i);
            Reconciled done = reconciled.get(i);
            causes.runFor(raise.cause(), () -> {
                List<AlertEntity> raised = record(done, latest);
                if (!raised.isEmpty()) {
                    // Nothing was resolved: the open alerts now are those read before and those just raised. New
                    // entries only raise alerts or add evidence, so the status can change only if one is raised.
                    List<AlertEntity> openBefore = open.get(raise.patient());
                    List<AlertEntity> openNow = new ArrayList<>(openBefore);
                    openNow.addAll(raised);
                    openNow.sort(AlertEntity.MOST_URGENT_FIRST);
                    changes.statusIfChanged(raise.patient().clinicId, raise.patient().patientId,
                            AlertEntity.patientStatus(openBefore), openNow, clock.instant());
                }
            });
        }
        // What these patients touched is not needed for the next ones: keep flushes small.
        em.flush();
        em.clear();
    }

    private static HistoryPoint earliest(List<NewEntry> entries) {
        return entries.stream().map(NewEntry::point).min(HistoryPoint.TIMELINE).orElseThrow();
    }

    private static boolean inTimelineOrder(List<NewEntry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i - 1).point().isBefore(entries.get(i).point())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether applying a patient's new entries one at a time, in the order they came, would change nothing but the
     * timeline. One at a time, each entry is evaluated as it comes, with the entries before it in the timeline; so is
     * every entry, stored or new, that lies after it in the timeline, since its history just changed, and their stored
     * findings are reconciled. A rule reads only the entries before its anchor, so these are all the evaluations there
     * would be: if none finds anything and no stored finding after the earliest new entry is active, there is nothing
     * to reconcile. {@code window} holds the stored entries from the rules' horizon before the earliest new entry on, or
     * the latest of them from the one before {@code boundary} on.
     */
    private boolean quietOneAtATime(PatientKey patient, List<HistoryPoint> window, HistoryPoint boundary,
            List<NewEntry> arrivals, PatientProfile profile, ClinicSettings settings) {
        HistoryPoint earliest = earliest(arrivals);
        List<HistoryPoint> before = window.stream().filter(p -> p.isBefore(earliest)).toList();
        List<HistoryPoint> after = window.stream().filter(p -> !p.isBefore(earliest)).toList();
        List<Anchor> anchors = new ArrayList<>();
        if (!after.isEmpty()) {
            if (before.isEmpty()) {
                return false; // the new entry's predecessor lies beyond the window: applied one by one
            }
            if (AlertFindingEntity.inScope(patient.clinicId, patient.patientId, earliest.recordedAt(), List.of()).stream()
                    .anyMatch(f -> f.active)) {
                return false;
            }
            Map<UUID, PainReport> reports = new HashMap<>();
            PatientEntryEntity.since(patient.clinicId, patient.patientId, earliest.recordedAt())
                    .forEach(e -> reports.put(e.key.entryId, e.report));
            for (HistoryPoint point : after) {
                anchors.add(new Anchor(point.id(), point.recordedAt(), reports.get(point.id())));
            }
        }
        AppendedHistory appended = new AppendedHistory(before);
        after.forEach(appended::add);
        PatientHistory history = withEarlier(patient, boundary, appended);
        Map<UUID, HistoryPoint> points = new HashMap<>();
        after.forEach(p -> points.put(p.id(), p));
        for (NewEntry entry : arrivals) {
            appended.add(entry.point());
            points.put(entry.point().id(), entry.point());
            anchors.add(new Anchor(entry.point().id(), entry.point().recordedAt(), entry.report()));
            for (Anchor anchor : anchors) {
                if (!points.get(anchor.entryId()).isBefore(entry.point()) && !TriageRules.evaluate(new EntryContext(
                        anchor.entryId(), anchor.report(), profile, settings, history)).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The history held in memory, with the entries before {@code boundary} asked of the database, if it is not null. */
    private PatientHistory withEarlier(PatientKey patient, HistoryPoint boundary, PatientHistory recent) {
        return boundary == null ? recent
                : new SplitHistory(new SqlPatientHistory(em, patient.clinicId, patient.patientId), boundary, recent);
    }

    /** How many of a patient's latest history rows a poll reads for this many new entries of it. */
    static int historyRowsFor(int newEntries) {
        return Math.max(SMALL_HISTORY, HISTORY_ROWS_PER_NEW_ENTRY * newEntries);
    }

    /** A new entry from an event, before it is known whether it can be appended with the batch. */
    private record NewEntry(JournalEvent event, PatientEntryKey key, int revision, HistoryPoint point, PainReport report) {
    }

    /**
     * Applies one patient's events in order. New entries that arrive in timeline order are evaluated together, once,
     * since each would have been evaluated with exactly the same earlier entries one at a time. Anything else (a late
     * entry, a correction, a deletion, a profile change) is evaluated on its own, after what came before it, so that
     * the alerts come out exactly as if every event had been applied alone: a replay gives the same alerts.
     */
    private void applyForPatient(PatientKey patient, List<JournalEvent> events) {
        String clinicId = patient.clinicId;
        String patientId = patient.patientId;
        String statusBefore = changes.statusOf(clinicId, patientId);
        SqlPatientHistory timeline = new SqlPatientHistory(em, clinicId, patientId);
        Pending pending = new Pending();
        HistoryPoint latest = timeline.latest(HistoryPoint.START, HistoryPoint.END).orElse(null);
        for (JournalEvent event : events) {
            pending.causedBy(event);
            if (event.is(EventType.ENTRY_RECORDED) || event.is(EventType.ENTRY_CORRECTED)) {
                EntryEventData data = event.entry();
                UUID entryId = entryId(data);
                HistoryPoint point = new HistoryPoint(entryId, data.entry().recordedAt(), 0, 0);
                PatientEntryEntity stored = PatientEntryEntity.findEntry(clinicId, patientId, entryId).orElse(null);
                boolean inOrderNewEntry = event.is(EventType.ENTRY_RECORDED) && stored == null
                        && (latest == null || latest.isBefore(point));
                if (!inOrderNewEntry) {
                    pending.evaluate(clinicId, patientId, timeline);
                }
                pending.add(applyEntry(patient, entryId, data, stored, latest, timeline), entryId);
                if (!inOrderNewEntry) {
                    pending.evaluate(clinicId, patientId, timeline);
                }
                if (latest == null || latest.isBefore(point)) {
                    latest = point;
                }
            } else if (event.is(EventType.ENTRY_DELETED)) {
                EntryEventData data = event.entry();
                pending.evaluate(clinicId, patientId, timeline);
                pending.add(applyDeletion(patient, entryId(data), data, timeline), entryId(data));
                pending.evaluate(clinicId, patientId, timeline);
            } else if (event.is(EventType.PROFILE_CHANGED)) {
                // A profile change applies to the entries evaluated after it, not to those before.
                pending.evaluate(clinicId, patientId, timeline);
                applyProfile(event.envelope(), event.profile());
            } else {
                LOG.debugf("Ignoring event type %s v%s, not one triage reads", event.envelope().type(),
                        event.envelope().schemaversion());
            }
        }
        pending.evaluate(clinicId, patientId, timeline);
        changes.statusIfChanged(clinicId, patientId, statusBefore, clock.instant());
    }

    /** Entries changed but not yet evaluated, and the earliest point in time they affect. */
    private final class Pending {
        Instant from;
        final Set<UUID> changed = new LinkedHashSet<>();
        /** When the journal committed the latest event applied so far: what an alert raised now was caused by. */
        Instant causedAt;

        void causedBy(JournalEvent event) {
            if (event.time() != null && (causedAt == null || event.time().isAfter(causedAt))) {
                causedAt = event.time();
            }
        }

        void add(Instant affected, UUID entryId) {
            if (affected != null) {
                changed.add(entryId);
                if (from == null || affected.isBefore(from)) {
                    from = affected;
                }
            }
        }

        void evaluate(String clinicId, String patientId, SqlPatientHistory timeline) {
            if (from != null) {
                // Most patients have a short history: read it once. A long one is questioned probe by probe.
                PatientHistory history = timeline.smallWindow(from.minus(EntryContext.HORIZON), SMALL_HISTORY)
                        .<PatientHistory>map(IndexedHistory::new).orElse(timeline);
                reevaluate(clinicId, patientId, from, changed, history, causedAt);
                from = null;
                changed.clear();
            }
        }
    }

    /**
     * Stores an entry's newer revision; returns the earliest recordedAt it affects, or null when it was stale.
     * {@code latest} bounds the patient's live entries from above: an entry after it has no successor to look up.
     */
    private Instant applyEntry(PatientKey patient, UUID entryId, EntryEventData data, PatientEntryEntity stored,
            HistoryPoint latest, SqlPatientHistory timeline) {
        PainReport report = data.entry();
        if (stored != null && stored.revision >= data.revision()) {
            return null; // a late older revision: what we hold is newer
        }
        Instant from = report.recordedAt();
        HistoryPoint point = new HistoryPoint(entryId, report.recordedAt(), report.intensity(),
                ConcerningPain.exerciseConcern(report));
        UUID oldSuccessor = null;
        if (stored == null) {
            // A new entry is written directly, not kept in the persistence context: a batch of a flooding patient's
            // entries would otherwise make every flush dirty-check all of them.
            PatientEntryEntity.insert(new PatientEntryKey(patient.clinicId, patient.patientId, entryId), data.revision(),
                    point, report);
        } else {
            if (stored.recordedAt.isBefore(from)) {
                from = stored.recordedAt;
            }
            oldSuccessor = stored.deleted ? null : timeline.successor(stored.point()).orElse(null);
            stored.revision = data.revision();
            stored.recordedAt = report.recordedAt();
            stored.intensity = report.intensity();
            stored.exerciseConcern = point.exerciseConcern();
            stored.report = report;
            stored.deleted = false;
            em.flush();
        }
        UUID newSuccessor = latest == null || latest.isBefore(point) ? null : timeline.successor(point).orElse(null);
        refreshDrops(timeline, entryId, oldSuccessor, newSuccessor);
        return from;
    }

    /** Whether each entry whose predecessor may have changed lies more than a point below it. */
    private static void refreshDrops(SqlPatientHistory timeline, UUID... entries) {
        timeline.refreshDrops(java.util.Arrays.stream(entries).filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** Marks an entry deleted; returns its recordedAt, or null when the event was stale or the entry unknown. */
    private Instant applyDeletion(PatientKey patient, UUID entryId, EntryEventData data, SqlPatientHistory timeline) {
        PatientEntryEntity stored = PatientEntryEntity.findEntry(patient.clinicId, patient.patientId, entryId).orElse(null);
        if (stored == null || stored.revision >= data.revision()) {
            return null;
        }
        UUID successor = stored.deleted ? null : timeline.successor(stored.point()).orElse(null);
        stored.revision = data.revision();
        stored.deleted = true;
        em.flush();
        refreshDrops(timeline, successor);
        return stored.recordedAt;
    }

    private void applyProfile(EventEnvelope event, ProfileEventData data) {
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

    /** Runs the rules on every live entry recorded at or after {@code from} and reconciles the findings. */
    private void reevaluate(String clinicId, String patientId, Instant from, Set<UUID> changedEntries,
            PatientHistory history, Instant causedAt) {
        List<Anchor> anchors = PatientEntryEntity.since(clinicId, patientId, from).stream()
                .map(e -> new Anchor(e.key.entryId, e.recordedAt, e.report)).toList();
        // Every anchor is recorded at or after from, so its stored finding, if any, is in scope.
        reconcile(clinicId, patientId, anchors, AlertFindingEntity.inScope(clinicId, patientId, from, changedEntries),
                history, causedAt, PatientProfileEntity.profileOf(clinicId, patientId), ClinicSettingsEntity.of(clinicId),
                rule -> AlertEntity.openFor(clinicId, patientId, rule));
    }

    /** An entry the rules run on, with what it reported. */
    private record Anchor(UUID entryId, Instant recordedAt, PainReport report) {
    }

    /**
     * Runs the rules on the anchors and reconciles their findings with the stored ones in scope; {@code openFor} finds
     * the rule's open alert. Returns the alerts raised.
     */
    private List<AlertEntity> reconcile(String clinicId, String patientId, List<Anchor> anchors, List<AlertFindingEntity> inScope,
            PatientHistory history, Instant causedAt, PatientProfile profile, ClinicSettings settings,
            java.util.function.Function<String, java.util.Optional<AlertEntity>> openFor) {
        Reconciled reconciled = plan(clinicId, patientId, anchors, inScope, history, causedAt, profile, settings, openFor);
        persist(List.of(reconciled));
        em.flush();
        return record(reconciled, latestFindingsOf(List.of(reconciled)));
    }

    /**
     * What a reconciliation decided, before its new rows are written: each alert it touched, the alerts it raised (each
     * complete: Hibernate inserts what an entity held when it was persisted, so a raised alert is filled in before
     * {@link #persist}, not inserted and then updated), when, and what caused it.
     */
    private record Reconciled(Map<UUID, AlertDelta> touched, List<AlertEntity> raised, Instant now, Instant causedAt) {
    }

    /**
     * Runs the rules on the anchors and plans the reconciliation of their findings with the stored ones in scope;
     * stored findings and alerts are changed in place, new ones are made but not yet persisted.
     */
    private Reconciled plan(String clinicId, String patientId, List<Anchor> anchors, List<AlertFindingEntity> inScope,
            PatientHistory history, Instant causedAt, PatientProfile profile, ClinicSettings settings,
            java.util.function.Function<String, java.util.Optional<AlertEntity>> openFor) {
        Instant now = clock.instant();
        Map<Reconciliation.FindingKey, Reconciliation.Current> current = new LinkedHashMap<>();
        for (Anchor entry : anchors) {
            EntryContext context = new EntryContext(entry.entryId(), entry.report(), profile, settings, history);
            for (Finding finding : TriageRules.evaluate(context)) {
                current.put(new Reconciliation.FindingKey(finding.rule(), entry.entryId()),
                        new Reconciliation.Current(finding, entry.recordedAt()));
            }
        }
        Map<Reconciliation.FindingKey, AlertFindingEntity> storedFindings = new HashMap<>();
        Map<Reconciliation.FindingKey, Reconciliation.Stored> stored = new LinkedHashMap<>();
        for (AlertFindingEntity f : inScope) {
            var key = new Reconciliation.FindingKey(f.key.rule, f.key.anchorEntryId);
            storedFindings.put(key, f);
            stored.put(key, new Reconciliation.Stored(f.alertId, f.evidence, f.active));
        }

        Reconciliation.Plan plan = Reconciliation.of(stored, current);
        Map<UUID, AlertDelta> touched = new LinkedHashMap<>();
        Map<String, AlertEntity> raisedByRule = new HashMap<>();
        plan.moves().forEach((alertId, move) -> touched.put(alertId, AlertDelta.of(AlertEntity.findById(alertId), false, move)));
        plan.withdraw().forEach(key -> storedFindings.get(key).active = false);
        plan.reEvidenced().forEach((key, evidence) -> storedFindings.get(key).evidence = evidence);
        plan.activate().forEach((key, found) -> {
            Finding f = found.finding();
            AlertEntity open = raisedByRule.containsKey(f.rule()) ? raisedByRule.get(f.rule())
                    : openFor.apply(f.rule()).orElse(null);
            AlertDelta delta;
            if (open == null) {
                AlertEntity raised = newAlert(clinicId, patientId, f, settings, now);
                raisedByRule.put(f.rule(), raised);
                delta = AlertDelta.of(raised, true, new Reconciliation.AlertMove());
                touched.put(raised.id, delta);
            } else {
                delta = touched.computeIfAbsent(open.id, id -> AlertDelta.of(open, false, new Reconciliation.AlertMove()));
            }
            delta.move().activated(1);
            AlertFindingEntity finding = storedFindings.get(key);
            if (finding == null) {
                finding = new AlertFindingEntity();
                finding.key = new AlertFindingEntity.Key(clinicId, patientId, key.rule(), key.anchorEntryId());
            }
            finding.anchorRecordedAt = found.anchorRecordedAt();
            finding.alertId = delta.alert().id;
            finding.evidence = f.evidence();
            finding.active = true;
            delta.activated().add(finding);
        });
        touched.values().stream().filter(AlertDelta::raised).forEach(delta -> bringInLine(delta, null));
        return new Reconciled(touched, new ArrayList<>(raisedByRule.values()), now, causedAt);
    }

    /**
     * Writes what reconciliations made: every raised alert before any finding (which refers to its alert), so that the
     * inserts of many patients' alerts, then of their findings, go in JDBC batches.
     */
    private static void persist(List<Reconciled> reconciled) {
        reconciled.forEach(r -> r.touched().values().stream().filter(AlertDelta::raised).forEach(d -> d.alert().persist()));
        reconciled.forEach(r -> r.touched().values().forEach(d -> d.activated().forEach(finding -> finding.persist())));
    }

    /**
     * The latest findings that still hold of every alert these reconciliations touched but did not raise (a raised
     * alert's are those just activated), read with one statement once their rows are flushed.
     */
    private static Map<UUID, List<AlertFindingEntity>> latestFindingsOf(List<Reconciled> reconciled) {
        return AlertFindingEntity.latestActiveOf(reconciled.stream().flatMap(r -> r.touched().values().stream())
                .filter(delta -> !delta.raised() && delta.alert().status != AlertStatus.RESOLVED)
                .map(delta -> delta.alert().id).toList(), EVIDENCE_FINDINGS);
    }

    /**
     * Records each change of a reconciliation once its rows are flushed: the other alerts show their latest findings
     * that still hold ({@link #latestFindingsOf}). Returns the alerts raised.
     */
    private List<AlertEntity> record(Reconciled reconciled, Map<UUID, List<AlertFindingEntity>> latestActive) {
        reconciled.touched().values().forEach(delta -> {
            if (delta.raised() || bringInLine(delta, latestActive)) {
                recordChange(delta, reconciled.now(), reconciled.causedAt());
            }
        });
        return reconciled.raised();
    }

    /** What one re-evaluation did to one alert: raised it, or moved its findings; and the findings it activated. */
    private record AlertDelta(AlertEntity alert, boolean raised, Reconciliation.AlertMove move,
            List<AlertFindingEntity> activated) {

        static AlertDelta of(AlertEntity alert, boolean raised, Reconciliation.AlertMove move) {
            return new AlertDelta(alert, raised, move, new ArrayList<>());
        }
    }

    /**
     * Brings an alert in line with its findings that still hold: the count of findings moves by what changed; the
     * evidence shown is that of the latest findings, so neither grows with the patient's history. False for a resolved
     * alert, which is left as it was. An alert not just raised shows its latest findings that still hold, as
     * {@link #latestFindingsOf} read them (at most {@link #EVIDENCE_FINDINGS}, latest first); {@code latestActive} is
     * null for a raised one.
     */
    private static boolean bringInLine(AlertDelta delta, Map<UUID, List<AlertFindingEntity>> latestActive) {
        AlertEntity alert = delta.alert();
        if (alert.status == AlertStatus.RESOLVED) {
            return false; // a resolved alert keeps the evidence it was resolved on
        }
        Reconciliation.AlertMove move = delta.move();
        alert.occurrences += move.activated() - move.withdrawn();
        // A raised alert's findings are all active and all activated just now: no need to read them back.
        List<AlertFindingEntity> latest = delta.raised() ? latestOf(delta.activated())
                : latestActive.get(alert.id);
        Set<UUID> evidence = new LinkedHashSet<>();
        latest.stream().sorted(Comparator.comparing(f -> f.anchorRecordedAt)).forEach(f -> evidence.addAll(f.evidence));
        alert.evidence = new ArrayList<>(evidence);
        alert.evidenceWithdrawn = alert.occurrences <= 0;
        return true;
    }

    /** Records what changed of an alert brought in line with its findings. */
    private void recordChange(AlertDelta delta, Instant now, Instant causedAt) {
        AlertEntity alert = delta.alert();
        Reconciliation.AlertMove move = delta.move();
        if (delta.raised()) {
            changes.raised(alert, causedAt == null ? now : causedAt, now);
            return;
        }
        if (move.activated() > 0 || move.evidenceAdded()) {
            changes.record(alert, "EVIDENCE_ADDED", SYSTEM_ACTOR, null, now);
        }
        if (move.withdrawn() > 0 || move.evidenceWithdrawn()) {
            changes.record(alert, "EVIDENCE_WITHDRAWN", SYSTEM_ACTOR, alert.evidenceWithdrawn
                    ? "every entry that was evidence has been deleted or corrected; review before resolving"
                    : "an entry that was evidence has been deleted or corrected", now);
        }
    }

    /** The latest {@link #EVIDENCE_FINDINGS} of these findings, as {@link #latestFindingsOf} reads them. */
    private static List<AlertFindingEntity> latestOf(List<AlertFindingEntity> findings) {
        return findings.stream().sorted(Comparator.comparing((AlertFindingEntity f) -> f.anchorRecordedAt).reversed())
                .limit(EVIDENCE_FINDINGS).toList();
    }

    /** A new open alert for the finding, not yet persisted: the caller persists it once it is complete. */
    private static AlertEntity newAlert(String clinicId, String patientId, Finding f, ClinicSettings settings, Instant now) {
        AlertEntity alert = new AlertEntity();
        alert.id = UUID.randomUUID();
        alert.clinicId = clinicId;
        alert.patientId = patientId;
        alert.rule = f.rule();
        alert.tier = f.tier();
        alert.tierRank = f.tier().rank();
        alert.status = AlertStatus.OPEN;
        alert.reason = f.reason();
        alert.advice = f.advice();
        alert.occurrences = 0;
        alert.ruleSetVersion = TriageRules.VERSION;
        alert.createdAt = now;
        alert.updatedAt = now;
        alert.nextEscalationAt = settings.acknowledgeWithin(f.tier()).map(now::plus).orElse(null);
        return alert;
    }

    private static UUID entryId(EntryEventData data) {
        try {
            return UUID.fromString(data.entryId());
        } catch (RuntimeException e) {
            throw new InvalidEventException("data.entryId is not a UUID");
        }
    }
}
