package com.backcare.catalog.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of an exercise list; every set filter takes several values (any of them matches), an empty set means
 * any. With conditions, only what is safe for all of them is kept, unless {@code includeAvoid} adds the rest marked.
 */
public record ExerciseFilter(Set<String> conditions, boolean includeAvoid, Set<Category> categories,
        Set<Position> positions, Set<String> equipment, Set<Impact> impacts, SpinalLoad maxLoad,
        Set<Direction> directions, Set<Difficulty> difficulties, Integer painLevel, String query) {

    /** At this pain level and above, only gentle lying or seated work with no or low spinal load (catalog issue). */
    public static final int SEVERE_PAIN = 7;
    private static final Set<Position> LYING_OR_SEATED = Set.of(Position.LYING_ON_BACK, Position.LYING_ON_FRONT,
            Position.SIDE_LYING, Position.SEATED);

    public boolean matches(ExerciseContent e) {
        if (!categories.isEmpty() && !categories.contains(e.category())
                || !positions.isEmpty() && !positions.contains(e.position())
                || !impacts.isEmpty() && !impacts.contains(e.impact())
                || !directions.isEmpty() && !directions.contains(e.direction())
                || !difficulties.isEmpty() && !difficulties.contains(e.difficulty())
                || maxLoad != null && e.spinalLoad().ordinal() > maxLoad.ordinal()) {
            return false;
        }
        if (!equipment.isEmpty() && equipmentOf(e).stream().noneMatch(equipment::contains)) {
            return false;
        }
        if (painLevel != null && painLevel >= SEVERE_PAIN && !isGentle(e)) {
            return false;
        }
        if (!includeAvoid && conditions.stream().anyMatch(c -> ratingFor(e, c) == Rating.AVOID)) {
            return false;
        }
        return true;
    }

    /** Gentle: lying or seated, no or low spinal load, no impact, a beginner's exercise, not one to avoid in a flare. */
    public static boolean isGentle(ExerciseContent e) {
        return LYING_OR_SEATED.contains(e.position()) && e.spinalLoad().ordinal() <= SpinalLoad.LOW.ordinal()
                && e.impact() == Impact.NONE && e.difficulty() == Difficulty.BEGINNER && !avoidInFlare(e);
    }

    public static boolean avoidInFlare(ExerciseContent e) {
        return e.flare() != null && e.flare().avoid();
    }

    public static Rating ratingFor(ExerciseContent e, String condition) {
        var rating = e.ratings() == null ? null : e.ratings().get(condition);
        return rating == null ? Rating.CAUTION : rating.rating();
    }

    /** What an exercise needs, with "none" for exercises done with nothing. */
    public static List<String> equipmentOf(ExerciseContent e) {
        List<String> needs = e.equipment() == null ? List.of() : e.equipment().stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return needs.isEmpty() ? List.of("none") : needs;
    }

    /** Most relevant first for a text query, otherwise by slug. */
    public Comparator<ExerciseContent> order() {
        Comparator<ExerciseContent> bySlug = Comparator.comparing(ExerciseContent::slug);
        if (query == null) {
            return bySlug;
        }
        return Comparator.comparingInt((ExerciseContent e) -> TextMatch.score(query, e)).reversed().thenComparing(bySlug);
    }
}
