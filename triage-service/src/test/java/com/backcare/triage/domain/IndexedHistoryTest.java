package com.backcare.triage.domain;

import static com.backcare.triage.domain.RandomTimelines.assertAnswersAlike;
import static com.backcare.triage.domain.RandomTimelines.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The indexed and the appended histories answer every question exactly as the scanning reference does. */
class IndexedHistoryTest {

    @Test
    void answersEveryQuestionAsTheReferenceOverRandomTimelines() {
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            List<HistoryPoint> points = timeline(random, random.nextInt(round < 50 ? 6 : 400));
            assertAnswersAlike(random, new ListHistory(points), new IndexedHistory(points), points, "round " + round, 200,
                    false);
        }
    }

    @Test
    void anAppendedHistoryAnswersAsTheReferenceAfterEachNewEntryWhateverTheirOrder() {
        Random random = new Random(11);
        for (int round = 0; round < 150; round++) {
            List<HistoryPoint> points = new ArrayList<>(timeline(random, random.nextInt(300)));
            points.sort(HistoryPoint.TIMELINE);
            int storedCount = points.isEmpty() ? 0 : random.nextInt(points.size() + 1);
            List<HistoryPoint> stored = points.subList(0, storedCount);
            List<HistoryPoint> arriving = new ArrayList<>(points.subList(storedCount, points.size()));
            java.util.Collections.shuffle(arriving, random);
            AppendedHistory appended = new AppendedHistory(stored);
            List<HistoryPoint> seen = new ArrayList<>(stored);
            for (HistoryPoint point : arriving) {
                appended.add(point);
                seen.add(point);
                assertAnswersAlike(random, new ListHistory(seen), appended, seen, "round " + round, 20, false);
            }
            assertAnswersAlike(random, new ListHistory(seen), appended, seen, "round " + round, 20, false);
        }
    }

    @Test
    void givesTheSameFindingsAsTheReferenceForAFloodingPatient() throws Exception {
        Random random = new Random(7);
        List<HistoryPoint> points = timeline(random, 20_000);
        HistoryPoint last = points.stream().max(HistoryPoint.TIMELINE).orElseThrow();
        for (int intensity = 0; intensity <= 10; intensity++) {
            var report = com.backcare.events.EventJson.mapper().readValue("{\"recordedAt\":\""
                    + last.recordedAt().plusSeconds(60) + "\",\"intensity\":" + intensity
                    + ",\"qualities\":[\"SHARP\"],\"timing\":[\"DURING_EXERCISE\"]}", com.backcare.events.PainReport.class);
            UUID id = UUID.randomUUID();
            assertEquals(findings(id, report, new ListHistory(points)), findings(id, report, new IndexedHistory(points)),
                    "intensity " + intensity);
        }
    }

    private static List<Finding> findings(UUID id, com.backcare.events.PainReport report, PatientHistory history) {
        return TriageRules.evaluate(new EntryContext(id, report, com.backcare.events.PatientProfile.empty(),
                ClinicSettings.defaults(), history));
    }
}
