package com.backcare.catalog.domain;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One exercise as the catalog files describe it (src/main/resources/catalog/exercises/*.yaml): what it is, how to
 * do it, how much, what to watch, where to go next, the seed it rests on, and its rating for every condition.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExerciseContent(
        String slug,
        String name,
        List<String> aliases,
        Category category,
        Position position,
        List<String> equipment,
        Impact impact,
        SpinalLoad spinalLoad,
        Direction direction,
        Difficulty difficulty,
        List<String> steps,
        Dosage dosage,
        List<String> safetyCues,
        List<String> progressions,
        List<String> regressions,
        Flare flare,
        String source,
        Map<String, ConditionRating> ratings) {

    /** How much and how often. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dosage(String sets, String reps, String hold, String duration, String frequency) {
    }

    /** Whether to avoid the exercise during a flare-up, why, and what to do instead. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Flare(boolean avoid, String reason, List<String> alternatives) {
    }

    /** The exercise's rating for one condition, with the change to make or the reason to avoid it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ConditionRating(Rating rating, String note, List<String> alternatives) {
    }
}
