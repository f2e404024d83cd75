package com.backcare.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The indexed and the appended histories answer every question exactly as the scanning reference does. */
class IndexedHistoryTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void answersEveryQuestionAsTheReferenceOverRandomTimelines() {
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            List<HistoryPoint> points = timeline(random, random.nextInt(round < 50 ? 6 : 400));
            ListHistory reference = new ListHistory(points);
            IndexedHistory indexed = new IndexedHistory(points);
            for (int probe = 0; probe < 200; probe++) {
                HistoryPoint after = bound(random, points);
                HistoryPoint before = bound(random, points);
                int intensity = random.nextInt(14) - 2;
                int qualities = random.nextInt(16);
                int limit = 1 + random.nextInt(25);
                String where = "round " + round + ", between " + after + " and " + before;
                assertEquals(reference.latest(after, before), indexed.latest(after, before), where);
                assertEquals(reference.latestDrop(after, before), indexed.latestDrop(after, before), where);
                assertEquals(reference.earliestAtMost(after, before, intensity),
                        indexed.earliestAtMost(after, before, intensity), where + ", at most " + intensity);
                assertEquals(reference.latestAtMost(after, before, intensity),
                        indexed.latestAtMost(after, before, intensity), where + ", at most " + intensity);
                assertEquals(reference.earliestAtLeast(after, before, intensity),
                        indexed.earliestAtLeast(after, before, intensity), where + ", at least " + intensity);
                assertEquals(reference.latestAtLeast(after, before, intensity),
                        indexed.latestAtLeast(after, before, intensity), where + ", at least " + intensity);
                assertEquals(reference.earliestExerciseConcern(after, before, qualities),
                        indexed.earliestExerciseConcern(after, before, qualities), where + ", qualities " + qualities);
                assertEquals(reference.ids(after, before, limit), indexed.ids(after, before, limit),
                        where + ", limit " + limit);
            }
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
                assertAnswersAlike(random, new ListHistory(seen), appended, seen, "round " + round);
            }
            assertAnswersAlike(random, new ListHistory(seen), appended, seen, "round " + round);
        }
    }

    private static void assertAnswersAlike(Random random, PatientHistory reference, PatientHistory tested,
            List<HistoryPoint> points, String round) {
        for (int probe = 0; probe < 20; probe++) {
            HistoryPoint after = bound(random, points);
            HistoryPoint before = bound(random, points);
            int intensity = random.nextInt(14) - 2;
            int qualities = random.nextInt(16);
            int limit = 1 + random.nextInt(25);
            String where = round + ", between " + after + " and " + before + ", " + intensity + "/" + qualities + "/" + limit;
            assertEquals(reference.latest(after, before), tested.latest(after, before), where);
            assertEquals(reference.latestDrop(after, before), tested.latestDrop(after, before), where);
            assertEquals(reference.earliestAtMost(after, before, intensity), tested.earliestAtMost(after, before, intensity), where);
            assertEquals(reference.latestAtMost(after, before, intensity), tested.latestAtMost(after, before, intensity), where);
            assertEquals(reference.earliestAtLeast(after, before, intensity), tested.earliestAtLeast(after, before, intensity),
                    where);
            assertEquals(reference.latestAtLeast(after, before, intensity), tested.latestAtLeast(after, before, intensity), where);
            assertEquals(reference.earliestExerciseConcern(after, before, qualities),
                    tested.earliestExerciseConcern(after, before, qualities), where);
            assertEquals(reference.ids(after, before, limit), tested.ids(after, before, limit), where);
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

    /** Entries over 30 days, some sharing an instant, intensities wandering, now and then concerning exercise pain. */
    private static List<HistoryPoint> timeline(Random random, int size) {
        List<HistoryPoint> points = new ArrayList<>();
        Instant at = START;
        int intensity = random.nextInt(11);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(5) > 0) {
                at = at.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30 / Math.max(size, 1) + 2)));
            }
            intensity = Math.max(0, Math.min(10, intensity + random.nextInt(7) - 3));
            int concern = random.nextInt(6) == 0 ? 1 + random.nextInt(15) : 0;
            points.add(new HistoryPoint(UUID.randomUUID(), at, intensity, concern));
        }
        return points;
    }

    /** A bound as the rules make them: around an entry, or an instant in or beyond the timeline. */
    private static HistoryPoint bound(Random random, List<HistoryPoint> points) {
        int kind = random.nextInt(points.isEmpty() ? 3 : 6);
        Instant t = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 35) - 60 * 24 * 2));
        return switch (kind) {
            case 0 -> HistoryPoint.before(t);
            case 1 -> HistoryPoint.after(t);
            case 2 -> random.nextBoolean() ? HistoryPoint.START : HistoryPoint.END;
            case 3 -> points.get(random.nextInt(points.size()));
            case 4 -> HistoryPoint.justBefore(points.get(random.nextInt(points.size())));
            default -> HistoryPoint.before(points.get(random.nextInt(points.size())).recordedAt());
        };
    }
}
