package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.event;
import static com.backcare.localstack.Events.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventType;
import com.backcare.events.PatientProfile;
import com.backcare.events.ProfileEventData;
import com.backcare.events.vocabulary.RiskHistory;
import com.backcare.triage.domain.TriageService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * However the consumer's polls cut a journal into batches, and whatever digits below the microsecond its times carry
 * (PostgreSQL keeps microseconds), the alerts come out the same. The journal is TriageReplayIT's: a profile, entries
 * out of order, a correction, a deletion.
 */
@QuarkusTest
class BatchSplitIndependenceTest {

    @Inject
    TriageService triage;

    private final String clinic = newId("clinic");
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final UUID d6 = UUID.randomUUID(), d2 = UUID.randomUUID(), d4 = UUID.randomUUID(), night = UUID.randomUUID();
    private final UUID fever = UUID.randomUUID(), saddle = UUID.randomUUID();

    @Test
    void everyCutOfAJournalIntoPollsGivesTheAlertsOfOneEventAtATime() {
        journal("alone", 0).forEach(e -> triage.apply(triage.check(e)));
        List<String> expected = alerts("alone");
        assertEquals(List.of("a AGE_NEW_ONSET SOON OPEN 4 " + sorted(d6, d4, d2, night),
                "a FRAGILITY_FRACTURE URGENT OPEN 1 [" + night + "]",
                "a NIGHT_PAIN SOON OPEN 0 []",
                "a PROGRESSIVE_WORSENING SOON OPEN 1 " + sorted(d6, d4, d2),
                "a RISK_HISTORY SOON OPEN 1 [" + d6 + "]",
                "b CES_SADDLE EMERGENCY OPEN 1 [" + saddle + "]",
                "b INFECTION URGENT OPEN 0 []"), expected);

        int events = journal("x", 0).size();
        for (int cuts = 0; cuts < 1 << (events - 1); cuts++) {
            // Times with nanoseconds, some rounding down and some up when stored to the microsecond.
            String suffix = "cut" + cuts;
            List<EventEnvelope> all = journal(suffix, 100 + cuts % 9 * 100);
            List<EventEnvelope> poll = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                poll.add(all.get(i));
                if (i == events - 1 || (cuts & 1 << i) != 0) {
                    triage.applyAll(poll.stream().map(triage::check).toList());
                    poll.clear();
                }
            }
            assertEquals(expected, alerts(suffix), "polls cut after events " + Integer.toBinaryString(cuts));
        }
    }

    /**
     * A patient floods: 600 entries over 20 days, rising, with drops in the first ten days, some of them severe and some concerning exercise
     * pain. Applied in polls of 300, each poll reads the whole history in the rules' window and questions it in memory;
     * in polls of 20, once the history is longer than a poll reads, only its latest entries are in memory and the rest
     * is asked of the database; applied one event at a time, the history is probed in the database. The alerts are the
     * same.
     */
    @Test
    void aFloodingPatientsLongHistoryGivesTheSameAlertsInLargePollsAsOneEventAtATime() {
        oneByOne(flood("flood-alone"));
        for (int poll : List.of(300, 20)) {
            startWithAProfile("flood-polled-" + poll);
            List<EventEnvelope> polled = flood("flood-polled-" + poll);
            for (int from = 0; from < polled.size(); from += poll) {
                triage.applyAll(polled.subList(from, Math.min(from + poll, polled.size())).stream().map(triage::check).toList());
            }
        }
        List<String> expected = alertsOf("flood-alone");
        assertTrue(expected.stream().map(a -> a.split(" ")[0]).toList().containsAll(List.of("EXERCISE_PAIN_PERSISTS",
                "PERSISTENT_PAIN", "PROGRESSIVE_WORSENING", "SEVERE_RECURRING")), "the flood raises the history rules: "
                + expected);
        assertEquals(expected, alertsOf("flood-polled-300"));
        assertEquals(expected, alertsOf("flood-polled-20"));
    }

    /**
     * Concurrent writes of one patient reach triage out of timeline order. 250 such entries that find nothing are
     * applied in one poll, or in polls that put an entry after a later one already stored (past 200 stored entries,
     * with only the latest of them in memory and the rest asked of the database); applied one at a time,
     * each late one is evaluated alone. Both store the same timeline (its
     * drops included), so the rising entries after them raise the same alerts.
     */
    @Test
    void entriesThatComeOutOfTimelineOrderGiveTheAlertsOfOneEventAtATime() {
        for (String patient : List.of("swapped-alone", "swapped-polled", "swapped-polls-of-3")) {
            List<EventEnvelope> quiet = new ArrayList<>();
            startWithAProfile(patient);
            for (int i = 0; i < 250; i++) {
                int swapped = i % 2 == 0 ? i + 1 : i - 1; // each pair arrives the wrong way round
                quiet.add(timed(patient, swapped, Duration.ofMinutes(55L * swapped), swapped % 3 == 2 ? 2 : 4));
            }
            if (patient.endsWith("alone")) {
                oneByOne(quiet);
            } else if (patient.endsWith("polled")) {
                triage.applyAll(quiet.stream().map(triage::check).toList());
            } else { // polls cut inside pairs: an entry comes after a later one is stored
                for (int from = 0; from < quiet.size(); from += 3) {
                    triage.applyAll(quiet.subList(from, Math.min(from + 3, quiet.size())).stream().map(triage::check).toList());
                }
            }
            assertEquals(List.of(), alertsOf(patient), "the entries so far find nothing");
            List<EventEnvelope> rising = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                rising.add(timed(patient, 250 + k, Duration.ofMinutes(55L * 250).plusHours(30L * k), 3 + k));
            }
            if (patient.endsWith("alone")) {
                oneByOne(rising);
            } else {
                rising.forEach(e -> triage.apply(triage.check(e)));
            }
        }
        List<String> expected = alertsOf("swapped-alone");
        assertTrue(expected.stream().anyMatch(a -> a.startsWith("PROGRESSIVE_WORSENING")), expected.toString());
        assertEquals(expected, alertsOf("swapped-polled"));
        assertEquals(expected, alertsOf("swapped-polls-of-3"));
    }

    /**
     * The reference: each event applied alone, the way a patient with more than new entries in a poll is, evaluated
     * after each step with the timeline probed in the database once it is long. A stale profile event beside each
     * entry keeps it off the path that appends a poll's new entries at once.
     */
    private void oneByOne(List<EventEnvelope> events) {
        startWithAProfile(events.get(0).patientid());
        for (EventEnvelope event : events) {
            triage.applyAll(List.of(triage.check(event), triage.check(profile(event.patientid()))));
        }
    }

    /** Every run's patient has the same (empty) profile, so a stale copy of it changes nothing. */
    private void startWithAProfile(String patient) {
        triage.apply(triage.check(profile(patient)));
    }

    private EventEnvelope profile(String patient) {
        return event(EventType.PROFILE_CHANGED, clinic, patient, new ProfileEventData(1, PatientProfile.empty()));
    }

    private EventEnvelope timed(String patient, int index, Duration afterStart, int intensity) {
        String json = "{\"recordedAt\": \"" + now.minus(Duration.ofDays(20)).plus(afterStart) + "\", \"intensity\": "
                + intensity + "}";
        return event(EventType.ENTRY_RECORDED, clinic, patient,
                new EntryEventData(new UUID(0xC0FFEEL, index).toString(), 1, report(json)));
    }

    private List<EventEnvelope> flood(String patient) {
        List<EventEnvelope> events = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(20));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 600; i++) {
            int intensity = Math.min(10, 4 + i * 5 / 600 + random.nextInt(2) - (i < 300 && i % 50 == 0 ? 2 : 0));
            String fields = "\"intensity\": " + intensity + (i % 40 == 7
                    ? ", \"qualities\": [\"SHARP\"], \"timing\": [\"DURING_EXERCISE\"]" : "");
            String json = "{\"recordedAt\": \"" + start.plus(Duration.ofMinutes(48L * i)) + "\", " + fields + "}";
            events.add(event(EventType.ENTRY_RECORDED, clinic, patient,
                    new EntryEventData(new UUID(0x5EEDL, i).toString(), 1, report(json)))); // the same ids for both
        }
        return events;
    }

    /** A patient's alerts: rule, tier, status, count and evidence. */
    private List<String> alertsOf(String patient) {
        return Alerts.of(clinic, patient).stream().map(a -> a.get("rule") + " " + a.get("tier") + " " + a.get("status")
                + " " + a.get("occurrences") + " " + new TreeSet<>((List<?>) a.get("evidence"))).sorted().toList();
    }

    /** The journal of two patients; each entry's time carries {@code nanos} below the microsecond. */
    private List<EventEnvelope> journal(String suffix, int nanos) {
        String a = "a-" + suffix, b = "b-" + suffix;
        return List.of(
                event(EventType.PROFILE_CHANGED, clinic, a,
                        new ProfileEventData(1, new PatientProfile(1950, true, List.of(RiskHistory.OSTEOPOROSIS), List.of()))),
                entry(EventType.ENTRY_RECORDED, a, d6, 1, 6, nanos, "\"intensity\": 3"),
                entry(EventType.ENTRY_RECORDED, a, d2, 1, 2, nanos, "\"intensity\": 5"),
                entry(EventType.ENTRY_RECORDED, a, d4, 1, 4, nanos, "\"intensity\": 4"),
                entry(EventType.ENTRY_RECORDED, a, night, 1, 1, nanos, "\"intensity\": 4, \"timing\": [\"AT_NIGHT\"]"),
                entry(EventType.ENTRY_CORRECTED, a, night, 2, 1, nanos, "\"intensity\": 4, \"trauma\": \"MINOR\""),
                entry(EventType.ENTRY_RECORDED, b, fever, 1, 3, nanos,
                        "\"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"FEVER\"}]"),
                entry(EventType.ENTRY_RECORDED, b, saddle, 1, 0, nanos,
                        "\"intensity\": 7, \"associatedSymptoms\": [{\"code\": \"SADDLE_NUMBNESS\"}]"),
                event(EventType.ENTRY_DELETED, clinic, b, new EntryEventData(fever.toString(), 2, null)));
    }

    private EventEnvelope entry(EventType type, String patient, UUID id, int revision, int daysAgo, int nanos,
            String fields) {
        Instant at = now.minus(Duration.ofDays(daysAgo)).plusNanos(nanos);
        String json = "{\"recordedAt\": \"" + at + "\", " + fields + "}";
        return event(type, clinic, patient, new EntryEventData(id.toString(), revision, report(json)));
    }

    private static String sorted(UUID... ids) {
        return new TreeSet<>(java.util.Arrays.stream(ids).map(UUID::toString).toList()).toString();
    }

    /** Both patients' alerts: rule, tier, status, count and evidence. */
    private List<String> alerts(String suffix) {
        List<String> alerts = new ArrayList<>();
        for (String patient : List.of("a-" + suffix, "b-" + suffix)) {
            for (Map<String, Object> a : Alerts.of(clinic, patient)) {
                alerts.add(patient.charAt(0) + " " + a.get("rule") + " " + a.get("tier") + " " + a.get("status") + " "
                        + a.get("occurrences") + " " + new TreeSet<>((List<?>) a.get("evidence")));
            }
        }
        return alerts.stream().sorted().toList();
    }
}
