package com.backcare.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.backcare.events.PainReport;
import com.backcare.events.vocabulary.PainQuality;
import com.backcare.events.vocabulary.Trigger;
import com.backcare.journal.domain.JournalSummary;
import com.backcare.journal.domain.JournalSummary.Point;

class JournalSummaryTest {

    private static final Instant TO = Instant.parse("2026-11-15T00:00:00Z");
    private static final Instant FROM = TO.minus(Duration.ofDays(14));

    private static Point at(String instant, int intensity, List<Trigger> triggers, String exercise) {
        List<PainReport.ExerciseLog> exercises = exercise == null ? List.of()
                : List.of(new PainReport.ExerciseLog(exercise, 20, 5, null, null, null, null));
        return new Point(Instant.parse(instant), new PainReport(Instant.parse(instant), intensity, List.of(),
                List.of(PainQuality.ACHING), null, List.of(), triggers, List.of(), List.of(), null, exercises, List.of(),
                List.of(), Map.of(), null));
    }

    @Test
    void perDayCountsAndMinMeanMaxWithEmptyDaysShown() {
        var summary = JournalSummary.of(List.of(
                at("2026-11-10T08:00:00Z", 2, List.of(), null),
                at("2026-11-10T20:00:00Z", 6, List.of(), null),
                at("2026-11-12T08:00:00Z", 5, List.of(), null)), FROM, TO, 14, ZoneId.of("UTC"));
        assertEquals(14, summary.daily().size());
        var nov10 = summary.daily().stream().filter(d -> d.date().toString().equals("2026-11-10")).findFirst().orElseThrow();
        assertEquals(2, nov10.entries());
        assertEquals(2, nov10.min());
        assertEquals(4.0, nov10.mean());
        assertEquals(6, nov10.max());
        var nov11 = summary.daily().stream().filter(d -> d.date().toString().equals("2026-11-11")).findFirst().orElseThrow();
        assertEquals(0, nov11.entries());
        assertNull(nov11.mean());
        assertEquals(3, summary.entryCount());
        assertEquals(4.33, summary.meanIntensity());
    }

    @Test
    void theTrendIsTheSlopeInPointsPerWeek() {
        List<Point> rising = new ArrayList<>();
        for (int day = 0; day < 8; day++) {
            rising.add(at(FROM.plus(Duration.ofDays(day)).toString(), day, List.of(), null)); // one point a day
        }
        var trend = JournalSummary.of(rising, FROM, TO, 14, ZoneId.of("UTC")).trend();
        assertEquals(7.0, trend.slopePerWeek());
        assertEquals("WORSENING", trend.direction());
        assertNull(JournalSummary.of(rising.subList(0, 1), FROM, TO, 14, ZoneId.of("UTC")).trend());
    }

    @Test
    void triggersAreCountedMostFrequentFirst() {
        var summary = JournalSummary.of(List.of(
                at("2026-11-10T08:00:00Z", 3, List.of(Trigger.SITTING, Trigger.LIFTING), null),
                at("2026-11-11T08:00:00Z", 3, List.of(Trigger.SITTING), null)), FROM, TO, 14, ZoneId.of("UTC"));
        assertEquals("SITTING", summary.triggers().get(0).code());
        assertEquals(2, summary.triggers().get(0).count());
        assertEquals("MORNING", summary.timesOfDay().get(0).code());
    }

    @Test
    void anExerciseFollowedByMorePainStandsOut() {
        var summary = JournalSummary.of(List.of(
                at("2026-11-05T08:00:00Z", 2, List.of(), null),
                at("2026-11-06T08:00:00Z", 2, List.of(), "Deadlift"),
                at("2026-11-07T08:00:00Z", 8, List.of(), null),   // 24 h after the deadlift
                at("2026-11-10T08:00:00Z", 2, List.of(), "walking"),
                at("2026-11-13T08:00:00Z", 2, List.of(), null)),  // 72 h after walking: outside the window
                FROM, TO, 14, ZoneId.of("UTC"));
        var deadlift = summary.exercises().get(0);
        assertEquals("deadlift", deadlift.exercise());
        assertEquals(1, deadlift.entriesWithin48h());
        assertEquals(8.0, deadlift.meanIntensityWithin48h());
        assertEquals(4.8, deadlift.differenceFromWindowMean());
        var walking = summary.exercises().get(1);
        assertEquals(0, walking.entriesWithin48h());
        assertNull(walking.meanIntensityWithin48h());
    }
}
