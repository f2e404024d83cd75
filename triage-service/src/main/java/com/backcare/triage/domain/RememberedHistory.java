package com.backcare.triage.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The part of a patient's history before {@code end}, asked of a slower source (the database) and remembered, so that a
 * poll's entries, which ask nearly the same questions one after another, ask the source each question about once.
 *
 * <p>A question about the entries in (after, before) is asked as one about (after, end), whose answer stays true for
 * every later {@code after} that the answer does not precede: the earliest entry of a kind in (a, end) is also the
 * earliest in (a', end) for any a' between a and it; the latest in (a, end) is the latest in (a', end) for every a'
 * from a on, or there is none. Questions ending before {@code end} are remembered by their exact bounds.
 */
final class RememberedHistory implements PatientHistory {

    private final PatientHistory source;
    private final HistoryPoint end;
    private final Map<String, Answer> toEnd = new HashMap<>();
    private final Map<List<Object>, Optional<HistoryPoint>> exact = new HashMap<>();

    /** An answer about (after, end). */
    private record Answer(HistoryPoint after, Optional<HistoryPoint> point) {
    }

    RememberedHistory(PatientHistory source, HistoryPoint end) {
        this.source = source;
        this.end = end;
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        return latestOf("latest", after, before, source::latest);
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return latestOf("drop", after, before, source::latestDrop);
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return earliestOf("atMost" + maxIntensity, after, before, (a, b) -> source.earliestAtMost(a, b, maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return latestOf("atMost" + maxIntensity, after, before, (a, b) -> source.latestAtMost(a, b, maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return earliestOf("atLeast" + minIntensity, after, before, (a, b) -> source.earliestAtLeast(a, b, minIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return latestOf("atLeast" + minIntensity, after, before, (a, b) -> source.latestAtLeast(a, b, minIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        return earliestOf("concern" + qualities, after, before,
                (a, b) -> source.earliestExerciseConcern(a, b, qualities));
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        // Asked only for a finding's evidence, once a pattern is found: not worth remembering.
        return after.isBefore(bounded(before)) ? source.ids(after, bounded(before), limit) : List.of();
    }

    private Optional<HistoryPoint> earliestOf(String kind, HistoryPoint after, HistoryPoint before,
            BiFunction<HistoryPoint, HistoryPoint, Optional<HistoryPoint>> ask) {
        HistoryPoint upTo = bounded(before);
        if (!after.isBefore(upTo)) {
            return Optional.empty();
        }
        Answer known = toEnd.get("earliest " + kind);
        if (known == null || after.isBefore(known.after())
                || known.point().isPresent() && !after.isBefore(known.point().get())) {
            known = new Answer(after, ask.apply(after, end));
            toEnd.put("earliest " + kind, known);
        }
        return known.point().filter(p -> p.isBefore(upTo));
    }

    private Optional<HistoryPoint> latestOf(String kind, HistoryPoint after, HistoryPoint before,
            BiFunction<HistoryPoint, HistoryPoint, Optional<HistoryPoint>> ask) {
        HistoryPoint upTo = bounded(before);
        if (!after.isBefore(upTo)) {
            return Optional.empty();
        }
        if (upTo != end) {
            return exact.computeIfAbsent(List.of(kind, after, upTo), k -> ask.apply(after, upTo));
        }
        Answer known = toEnd.get("latest " + kind);
        if (known == null || after.isBefore(known.after())) {
            known = new Answer(after, ask.apply(after, end));
            toEnd.put("latest " + kind, known);
        }
        return known.point().filter(after::isBefore);
    }

    private HistoryPoint bounded(HistoryPoint before) {
        return before.isBefore(end) ? before : end;
    }
}
