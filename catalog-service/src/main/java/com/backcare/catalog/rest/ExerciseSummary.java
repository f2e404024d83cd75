package com.backcare.catalog.rest;

import java.util.List;

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.Difficulty;
import com.backcare.catalog.domain.Direction;
import com.backcare.catalog.domain.ExerciseFilter;
import com.backcare.catalog.domain.Impact;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.domain.SpinalLoad;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An exercise in a list; {@code suitability} is its rating for each condition filtered on (with the caution note,
 * or for AVOID the reason and the alternatives), {@code avoidInFlare} marks the exercises to leave out in a flare.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseSummary(String slug, String name, List<String> aliases, Category category, Position position,
        List<String> equipment, Impact impact, SpinalLoad spinalLoad, Direction direction, Difficulty difficulty,
        boolean avoidInFlare, List<CatalogQueries.Suitability> suitability) {

    static ExerciseSummary of(CatalogQueries.Listed listed) {
        var e = listed.exercise();
        return new ExerciseSummary(e.slug(), e.name(), e.aliases(), e.category(), e.position(), e.equipment(),
                e.impact(), e.spinalLoad(), e.direction(), e.difficulty(), ExerciseFilter.avoidInFlare(e),
                listed.suitability());
    }
}
