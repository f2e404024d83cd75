package com.backcare.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A patient's history held in memory, answering by scanning: the reference the database implementation is tested
 * against, and what the rule tests use.
 */
public final class ListHistory implements PatientHistory {

    private final List<HistoryPoint> timeline;

    public ListHistory(List<HistoryPoint> entries) {
        timeline = new ArrayList<>(entries);
        timeline.sort(HistoryPoint.TIMELINE);
    }

    private List<HistoryPoint> between(HistoryPoint after, HistoryPoint before) {
        return timeline.stream().filter(p -> after.isBefore(p) && p.isBefore(before)).toList();
    }

    private Optional<HistoryPoint> first(HistoryPoint after, HistoryPoint before, Predicate<HistoryPoint> test) {
        return between(after, before).stream().filter(test).findFirst();
    }

    private Optional<HistoryPoint> last(HistoryPoint after, HistoryPoint before, Predicate<HistoryPoint> test) {
        return between(after, before).stream().filter(test).reduce((a, b) -> b);
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        return last(after, before, p -> true);
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return last(after, before, p -> {
            int i = timeline.indexOf(p);
            return i > 0 && p.intensity() < timeline.get(i - 1).intensity() - 1;
        });
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return first(after, before, p -> p.intensity() <= maxIntensity);
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return last(after, before, p -> p.intensity() <= maxIntensity);
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return first(after, before, p -> p.intensity() >= minIntensity);
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return last(after, before, p -> p.intensity() >= minIntensity);
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        return first(after, before, p -> (p.exerciseConcern() & qualities) != 0);
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        List<UUID> ids = between(after, before).stream().map(HistoryPoint::id).toList();
        if (ids.size() <= limit) {
            return ids;
        }
        List<UUID> kept = new ArrayList<>();
        kept.add(ids.get(0));
        kept.addAll(ids.subList(ids.size() - (limit - 1), ids.size()));
        return kept;
    }
}
