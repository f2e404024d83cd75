package com.backcare.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventJson;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;

/** A patient who logs thousands of entries gets the same findings, with evidence that stays bounded. */
class LongHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private static Map<String, Finding> evaluate(List<HistoryPoint> earlier, int intensity) throws Exception {
        PainReport report = EventJson.mapper().readValue(
                "{\"recordedAt\":\"" + NOW + "\",\"intensity\":" + intensity + "}", PainReport.class);
        EntryContext context = new EntryContext(UUID.randomUUID(), report, PatientProfile.empty(), ClinicSettings.defaults(),
                new ListHistory(earlier));
        return TriageRules.evaluate(context).stream().collect(Collectors.toMap(Finding::rule, f -> f));
    }

    @Test
    void fiveThousandRisingEntriesFireTheHistoryRulesWithBoundedEvidence() throws Exception {
        List<HistoryPoint> earlier = new ArrayList<>();
        int count = 5000;
        for (int i = 0; i < count; i++) {
            // Twenty days of entries every few minutes, rising from 4 to 7 without a drop (7 on its last four days).
            Instant at = NOW.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(5L * i));
            earlier.add(new HistoryPoint(UUID.randomUUID(), at, 4 + (4 * i) / count, 0));
        }
        Map<String, Finding> fired = evaluate(earlier, 8);
        for (String rule : List.of("PROGRESSIVE_WORSENING", "PERSISTENT_PAIN", "SEVERE_RECURRING")) {
            assertTrue(fired.containsKey(rule), rule + " fires: " + fired.keySet());
            int evidence = fired.get(rule).evidence().size();
            assertTrue(evidence >= 3 && evidence <= PatientHistory.EVIDENCE_LIMIT, rule + " evidence " + evidence);
        }
        // The evidence of a long run keeps where it began.
        assertEquals(earlier.stream().filter(p -> p.intensity() >= 4).min(HistoryPoint.TIMELINE).orElseThrow().id(),
                fired.get("PERSISTENT_PAIN").evidence().get(0));
    }
}
