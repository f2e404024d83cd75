package com.backcare.triage.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * A patient's stored history with a poll's new entries added one by one, all of them later than every stored entry: an
 * entry added is seen by the questions asked after it, as when the events are applied one at a time. The stored part
 * is indexed once ({@link IndexedHistory}); the few new entries are kept in order beside it. Answers exactly as
 * {@link ListHistory} over both.
 */
public final class AppendedHistory implements PatientHistory {

    private final PatientHistory stored;
    private final HistoryPoint storedLatest;
    private final List<HistoryPoint> added = new ArrayList<>();

    public AppendedHistory(List<HistoryPoint> storedEntries) {
        stored = new IndexedHistory(storedEntries);
        storedLatest = stored.latest(HistoryPoint.START, HistoryPoint.END).orElse(null);
    }

    /** Adds a new entry, which must lie after every stored one. */
    public void add(HistoryPoint point) {
        if (storedLatest != null && !storedLatest.isBefore(point)) {
            throw new IllegalArgumentException("a new entry must lie after every stored one");
        }
        int at = Collections.binarySearch(added, point, HistoryPoint.TIMELINE);
        added.add(at >= 0 ? at : -at - 1, point);
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        return orElse(lastAdded(after, before, i -> true), () -> stored.latest(after, before));
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return orElse(lastAdded(after, before, i -> {
            HistoryPoint previous = i > 0 ? added.get(i - 1) : storedLatest;
            return previous != null && added.get(i).intensity() < previous.intensity() - 1;
        }), () -> stored.latestDrop(after, before));
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return orElse(stored.earliestAtMost(after, before, maxIntensity),
                () -> firstAdded(after, before, i -> added.get(i).intensity() <= maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return orElse(lastAdded(after, before, i -> added.get(i).intensity() <= maxIntensity),
                () -> stored.latestAtMost(after, before, maxIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return orElse(stored.earliestAtLeast(after, before, minIntensity),
                () -> firstAdded(after, before, i -> added.get(i).intensity() >= minIntensity));
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return orElse(lastAdded(after, before, i -> added.get(i).intensity() >= minIntensity),
                () -> stored.latestAtLeast(after, before, minIntensity));
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        return orElse(stored.earliestExerciseConcern(after, before, qualities),
                () -> firstAdded(after, before, i -> (added.get(i).exerciseConcern() & qualities) != 0));
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        // The stored answer is its first entry and its latest ones (or all); the new entries all come after them.
        List<UUID> ids = new ArrayList<>(stored.ids(after, before, limit));
        for (HistoryPoint point : added) {
            if (after.isBefore(point) && point.isBefore(before)) {
                ids.add(point.id());
            }
        }
        if (ids.size() <= limit) {
            return ids;
        }
        List<UUID> kept = new ArrayList<>();
        kept.add(ids.get(0));
        kept.addAll(ids.subList(ids.size() - (limit - 1), ids.size()));
        return kept;
    }

    private Optional<HistoryPoint> firstAdded(HistoryPoint after, HistoryPoint before, IntPredicate test) {
        for (int i = 0; i < added.size(); i++) {
            HistoryPoint point = added.get(i);
            if (after.isBefore(point) && point.isBefore(before) && test.test(i)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    private Optional<HistoryPoint> lastAdded(HistoryPoint after, HistoryPoint before, IntPredicate test) {
        for (int i = added.size() - 1; i >= 0; i--) {
            HistoryPoint point = added.get(i);
            if (after.isBefore(point) && point.isBefore(before) && test.test(i)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    private static Optional<HistoryPoint> orElse(Optional<HistoryPoint> first,
            java.util.function.Supplier<Optional<HistoryPoint>> then) {
        return first.isPresent() ? first : then.get();
    }
}
