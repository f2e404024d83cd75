package com.backcare.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random timelines and the rules' kinds of questions about them, for testing a history against the reference. */
final class RandomTimelines {

    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    private RandomTimelines() {
    }

    /** Entries over 30 days, some sharing an instant, intensities wandering, now and then concerning exercise pain. */
    static List<HistoryPoint> timeline(Random random, int size) {
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
    static HistoryPoint bound(Random random, List<HistoryPoint> points) {
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

    /**
     * Asks both histories every kind of question, {@code probes} times, between random bounds; with {@code rising},
     * half the questions start at or after the last of those (as a poll's entries ask them), the others anywhere.
     */
    static void assertAnswersAlike(Random random, PatientHistory reference, PatientHistory tested, List<HistoryPoint> points,
            String round, int probes, boolean rising) {
        HistoryPoint risingAfter = HistoryPoint.START;
        for (int probe = 0; probe < probes; probe++) {
            HistoryPoint after = bound(random, points);
            if (rising && random.nextBoolean()) {
                after = risingAfter.isBefore(after) ? after : risingAfter;
                risingAfter = after;
            }
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
}
