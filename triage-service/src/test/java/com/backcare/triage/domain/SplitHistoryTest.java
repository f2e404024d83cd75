package com.backcare.triage.domain;

import static com.backcare.triage.domain.RandomTimelines.assertAnswersAlike;
import static com.backcare.triage.domain.RandomTimelines.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventJson;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;

/**
 * A history read only from a boundary on, with the entries before it asked of the database and remembered, answers
 * every question as the whole history does, in any order of questions; and a flood's poll asks the database a few
 * questions, not a few per entry.
 */
class SplitHistoryTest {

    @Test
    void answersEveryQuestionAsTheWholeHistoryWhereverTheBoundaryLies() {
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            List<HistoryPoint> points = timeline(random, 2 + random.nextInt(round < 50 ? 8 : 400));
            points.sort(HistoryPoint.TIMELINE);
            int boundary = 1 + random.nextInt(points.size() - 1);
            PatientHistory split = new SplitHistory(new ListHistory(points), points.get(boundary),
                    new IndexedHistory(points.subList(boundary - 1, points.size())));
            assertAnswersAlike(random, new ListHistory(points), split, points, "round " + round + ", boundary " + boundary, 200, true);
        }
    }

    @Test
    void answersAsTheWholeHistoryAsEntriesAreAppendedToTheRecentPart() {
        Random random = new Random(11);
        for (int round = 0; round < 150; round++) {
            List<HistoryPoint> points = timeline(random, 3 + random.nextInt(300));
            points.sort(HistoryPoint.TIMELINE);
            int boundary = 1 + random.nextInt(points.size() - 2);
            int stored = boundary + 1 + random.nextInt(points.size() - boundary - 1);
            List<HistoryPoint> arriving = new ArrayList<>(points.subList(stored, points.size()));
            Collections.shuffle(arriving, random);
            AppendedHistory recent = new AppendedHistory(points.subList(boundary - 1, stored));
            // The database holds the stored entries; the arrivals are asked of the recent part only.
            PatientHistory split = new SplitHistory(new ListHistory(points.subList(0, stored)), points.get(boundary), recent);
            List<HistoryPoint> seen = new ArrayList<>(points.subList(0, stored));
            for (HistoryPoint point : arriving) {
                recent.add(point);
                seen.add(point);
                assertAnswersAlike(random, new ListHistory(seen), split, seen, "round " + round, 20, true);
            }
        }
    }

    @Test
    void aFloodsPollAsksTheDatabaseAFewQuestionsNotAFewAnEntry() throws Exception {
        // 20,000 entries at intensity 5 a few seconds apart, then a poll of 300 more; the recent part holds 500.
        List<HistoryPoint> points = new ArrayList<>();
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 20_300; i++) {
            points.add(new HistoryPoint(UUID.randomUUID(), at = at.plusSeconds(3), 5, 0));
        }
        List<HistoryPoint> stored = points.subList(0, 20_000);
        AtomicInteger questions = new AtomicInteger();
        PatientHistory database = counting(new ListHistory(stored), questions);
        AppendedHistory recent = new AppendedHistory(stored.subList(stored.size() - 501, stored.size()));
        PatientHistory split = new SplitHistory(database, stored.get(stored.size() - 500), recent);
        AppendedHistory whole = new AppendedHistory(stored); // the reference: tested against the scanning one
        for (HistoryPoint point : points.subList(20_000, 20_300)) {
            recent.add(point);
            whole.add(point);
            PainReport report = EventJson.mapper().readValue("{\"recordedAt\":\"" + point.recordedAt()
                    + "\",\"intensity\":5,\"qualities\":[\"ACHING\"]}", PainReport.class);
            assertEquals(findings(point.id(), report, whole), findings(point.id(), report, split));
        }
        assertTrue(questions.get() <= 10, "questions asked of the database for 300 entries: " + questions.get());
    }

    private static List<Finding> findings(UUID id, PainReport report, PatientHistory history) {
        return TriageRules.evaluate(new EntryContext(id, report, PatientProfile.empty(), ClinicSettings.defaults(), history));
    }

    private static PatientHistory counting(PatientHistory history, AtomicInteger questions) {
        return (PatientHistory) Proxy.newProxyInstance(PatientHistory.class.getClassLoader(),
                new Class<?>[] { PatientHistory.class }, (proxy, method, args) -> {
                    questions.incrementAndGet();
                    return method.invoke(history, args);
                });
    }
}
