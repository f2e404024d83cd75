package com.backcare.journal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.backcare.events.PainReport;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a patient and their clinician look at together: how the pain went day by day over a window, which way it
 * is heading, what brings it on and eases it, and which exercises tend to be followed by more pain (seed 002: keep
 * the journal at least two weeks so patterns show).
 */
public record JournalSummary(
        Instant from,
        Instant to,
        int days,
        String zone,
        int entryCount,
        Double meanIntensity,
        List<Day> daily,
        Trend trend,
        List<Frequency> triggers,
        List<Frequency> relievingFactors,
        List<Frequency> qualities,
        List<Frequency> timing,
        List<Frequency> timesOfDay,
        List<ExerciseEffect> exercises,
        Map<String, List<ScoreAt>> questionnaires) {

    /** A questionnaire score in the window: when the response was given and what it scored. */
    public record ScoreAt(Instant authored, com.backcare.events.QuestionnaireResponseEventData.Score score) {
    }

    /** The same summary with each instrument's scores in the window, oldest first. */
    public JournalSummary withQuestionnaires(Map<String, List<ScoreAt>> scores) {
        return new JournalSummary(from, to, days, zone, entryCount, meanIntensity, daily, trend, triggers,
                relievingFactors, qualities, timing, timesOfDay, exercises, Map.copyOf(scores));
    }

    /** How long after an exercise an entry counts as "after" it. */
    static final Duration AFTER_EXERCISE = Duration.ofHours(48);

    /** One calendar day (in the requested zone); min, mean and max are absent on days without entries. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(LocalDate date, int entries, Integer min, Double mean, Integer max) {
    }

    /**
     * The least-squares slope of intensity over time, in points per week; {@code direction} is WORSENING or
     * IMPROVING when it moves by at least half a point a week, STABLE otherwise.
     */
    public record Trend(double slopePerWeek, String direction) {
    }

    /** How often a code was reported in the window. */
    public record Frequency(String code, int count) {
    }

    /**
     * An exercise the patient logged, the entries recorded in the 48 hours after each time it was logged, their
     * mean intensity, and how far that lies above (+) or below (-) the patient's mean over the whole window.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseEffect(String exercise, int timesLogged, int entriesWithin48h, Double meanIntensityWithin48h,
            Double differenceFromWindowMean) {
    }

    /** An entry's time and report: all the summary needs. */
    public record Point(Instant at, PainReport report) {
    }

    public static JournalSummary of(List<Point> entries, Instant from, Instant to, int days, ZoneId zone) {
        List<Point> sorted = entries.stream().sorted(Comparator.comparing(Point::at)).toList();
        Double mean = sorted.isEmpty() ? null : round(sorted.stream().mapToInt(p -> p.report().intensity()).average().orElse(0));
        return new JournalSummary(from, to, days, zone.getId(), sorted.size(), mean, daily(sorted, from, to, zone),
                trend(sorted),
                frequencies(sorted, r -> r.triggers()),
                frequencies(sorted, r -> r.relievingFactors()),
                frequencies(sorted, r -> r.qualities()),
                frequencies(sorted, r -> r.timing()),
                timesOfDay(sorted, zone),
                exerciseEffects(sorted, mean), Map.of());
    }

    private static List<Day> daily(List<Point> entries, Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(to.minusNanos(1).atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        entries.forEach(p -> byDay.computeIfAbsent(p.at().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                .add(p.report().intensity()));
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, values) -> days.add(values.isEmpty() ? new Day(date, 0, null, null, null)
                : new Day(date, values.size(), values.stream().min(Integer::compare).orElseThrow(),
                        round(values.stream().mapToInt(Integer::intValue).average().orElseThrow()),
                        values.stream().max(Integer::compare).orElseThrow())));
        return days;
    }

    static Trend trend(List<Point> entries) {
        if (entries.size() < 2) {
            return null;
        }
        Instant origin = entries.get(0).at();
        double n = entries.size();
        double sumX = 0, sumY = 0, sumXY = 0, sumXX = 0;
        for (Point p : entries) {
            double x = Duration.between(origin, p.at()).toSeconds() / 86_400.0 / 7.0; // weeks
            double y = p.report().intensity();
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return null; // all at the same instant: no time axis
        }
        double slope = (n * sumXY - sumX * sumY) / denominator;
        String direction = slope >= 0.5 ? "WORSENING" : slope <= -0.5 ? "IMPROVING" : "STABLE";
        return new Trend(round(slope), direction);
    }

    private static List<Frequency> frequencies(List<Point> entries, Function<PainReport, Collection<? extends Enum<?>>> codes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        entries.forEach(p -> codes.apply(p.report()).forEach(c -> counts.merge(c.name(), 1, Integer::sum)));
        return sortedByCount(counts);
    }

    private static List<Frequency> timesOfDay(List<Point> entries, ZoneId zone) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Point p : entries) {
            int hour = p.at().atZone(zone).getHour();
            String period = hour < 6 ? "NIGHT" : hour < 12 ? "MORNING" : hour < 18 ? "AFTERNOON" : "EVENING";
            counts.merge(period, 1, Integer::sum);
        }
        return sortedByCount(counts);
    }

    private static List<ExerciseEffect> exerciseEffects(List<Point> entries, Double windowMean) {
        Map<String, List<Instant>> loggedAt = new TreeMap<>();
        for (Point p : entries) {
            p.report().exercises().forEach(e -> loggedAt.computeIfAbsent(e.exercise().trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(p.at()));
        }
        List<ExerciseEffect> effects = new ArrayList<>();
        loggedAt.forEach((exercise, times) -> {
            List<Integer> after = entries.stream()
                    .filter(p -> times.stream().anyMatch(t -> p.at().isAfter(t) && !p.at().isAfter(t.plus(AFTER_EXERCISE))))
                    .map(p -> p.report().intensity()).toList();
            Double meanAfter = after.isEmpty() ? null : round(after.stream().mapToInt(Integer::intValue).average().orElseThrow());
            Double difference = meanAfter == null || windowMean == null ? null : round(meanAfter - windowMean);
            effects.add(new ExerciseEffect(exercise, times.size(), after.size(), meanAfter, difference));
        });
        effects.sort(Comparator.comparing((ExerciseEffect e) -> e.differenceFromWindowMean() == null ? Double.NEGATIVE_INFINITY
                : e.differenceFromWindowMean()).reversed());
        return effects;
    }

    private static List<Frequency> sortedByCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Frequency(e.getKey(), e.getValue())).collect(Collectors.toList());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
