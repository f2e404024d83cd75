package com.backcare.catalog.rest;

import java.util.List;

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.Difficulty;
import com.backcare.catalog.domain.Direction;
import com.backcare.catalog.domain.Impact;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.domain.Rating;
import com.backcare.catalog.domain.SpinalLoad;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An exercise in a list; {@code suitability} is its rating for the condition filtered on, with the note. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseSummary(String slug, String name, Category category, Position position, List<String> equipment,
        Impact impact, SpinalLoad spinalLoad, Direction direction, Difficulty difficulty, Suitability suitability) {

    /** How the exercise suits the condition asked about. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suitability(String condition, Rating rating, String note) {
    }

    static ExerciseSummary of(CatalogQueries.Listed listed) {
        var e = listed.exercise();
        var r = listed.rating();
        return new ExerciseSummary(e.slug, e.name, e.category, e.position, e.equipment, e.impact, e.spinalLoad,
                e.direction, e.difficulty, r == null ? null : new Suitability(r.key.conditionSlug, r.rating, r.note));
    }
}
