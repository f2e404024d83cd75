package com.backcare.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A patient's history in two parts: the entries before {@code boundary}, asked of the database and remembered
 * ({@link RememberedHistory}), and the recent ones from {@code boundary} on, held in memory. A patient with a long
 * history then costs a poll a bounded read of its latest entries and a few remembered questions about the rest, not a
 * read of its whole window. The recent part may hold entries before the boundary too (the one before it, whose
 * intensity says whether the boundary entry is a drop); it is only asked about the entries from the boundary on.
 */
public final class SplitHistory implements PatientHistory {

    private final PatientHistory earlier;
    private final HistoryPoint fromBoundary;
    private final PatientHistory recent;

    /**
     * @param stored   every stored entry, of which only those before {@code boundary} are asked about
     * @param boundary the earliest entry of the recent part
     * @param recent   the recent part, in memory
     */
    public SplitHistory(PatientHistory stored, HistoryPoint boundary, PatientHistory recent) {
        this.earlier = new RememberedHistory(stored, boundary);
        this.fromBoundary = HistoryPoint.justBefore(boundary);
        this.recent = recent;
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        return recentFirst(recent.latest(clip(after), before), () -> earlier.latest(after, before));
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return recentFirst(recent.latestDrop(clip(after), before), () -> earlier.latestDrop(after, before));
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return earlierFirst(earlier.earliestAtMost(after, before, maxIntensity),
                () -> recent.earliestAtMost(clip(after), before, maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return recentFirst(recent.latestAtMost(clip(after), before, maxIntensity),
                () -> earlier.latestAtMost(after, before, maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return earlierFirst(earlier.earliestAtLeast(after, before, minIntensity),
                () -> recent.earliestAtLeast(clip(after), before, minIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return recentFirst(recent.latestAtLeast(clip(after), before, minIntensity),
                () -> earlier.latestAtLeast(after, before, minIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        return earlierFirst(earlier.earliestExerciseConcern(after, before, qualities),
                () -> recent.earliestExerciseConcern(clip(after), before, qualities));
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        List<UUID> later = recent.ids(clip(after), before, limit);
        if (later.size() >= limit) {
            // The recent part alone fills the list: its latest ones, after the earlier part's first if it has one.
            Optional<UUID> first = earlier.ids(after, before, 1).stream().findFirst();
            if (first.isEmpty()) {
                return later;
            }
            List<UUID> ids = new ArrayList<>();
            ids.add(first.get());
            ids.addAll(later.subList(later.size() - (limit - 1), later.size()));
            return ids;
        }
        // The earlier part's share of the room left: all of its entries, or its first and latest ones.
        List<UUID> ids = new ArrayList<>(earlier.ids(after, before, limit - later.size()));
        ids.addAll(later);
        return ids;
    }

    /** The bound from which the recent part is asked: not before the boundary entry. */
    private HistoryPoint clip(HistoryPoint after) {
        return after.isBefore(fromBoundary) ? fromBoundary : after;
    }

    /** A latest entry: the recent part's, otherwise the earlier part's. */
    private static Optional<HistoryPoint> recentFirst(Optional<HistoryPoint> recentAnswer,
            Supplier<Optional<HistoryPoint>> earlierAnswer) {
        return recentAnswer.isPresent() ? recentAnswer : earlierAnswer.get();
    }

    /** An earliest entry: the earlier part's, otherwise the recent part's. */
    private static Optional<HistoryPoint> earlierFirst(Optional<HistoryPoint> earlierAnswer,
            Supplier<Optional<HistoryPoint>> recentAnswer) {
        return earlierAnswer.isPresent() ? earlierAnswer : recentAnswer.get();
    }
}
