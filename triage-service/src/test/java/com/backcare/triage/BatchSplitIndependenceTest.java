package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.event;
import static com.backcare.localstack.Events.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
