package com.backcare.catalog.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;

/** Reads the catalog as the caller's clinic sees it: the global exercises it has not hidden, plus its own. */
@ApplicationScoped
public class CatalogQueries {

    @Inject
    ClinicCatalog catalog;
    @Inject
    GlobalCatalog global;

    /** How an exercise suits one condition. */
    public record Suitability(String condition, Rating rating, String note, List<String> alternatives) {
    }

    /** An exercise in a list, with its suitability for each condition asked about. */
    public record Listed(ExerciseContent exercise, List<Suitability> suitability) {
    }

    public Page<Listed> exercises(ExerciseFilter filter, String cursor, int limit) {
        for (String condition : filter.conditions()) {
            if (global.condition(condition) == null) {
                throw ApiProblem.invalidField("condition", "'" + condition + "' is not a condition of "
                        + global.conditions().stream().map(ConditionContent::slug).toList());
            }
        }
        int offset = cursor == null ? 0 : Cursor.read(cursor, 1, parts -> Cursor.nonNegative(parts.get(0)));
        List<ExerciseContent> matching = catalog.visible().values().stream()
                .filter(filter::matches)
                .filter(e -> filter.query() == null || TextMatch.score(filter.query(), e) > 0)
                .sorted(filter.order()).toList();
        List<ExerciseContent> rows = matching.stream().skip(offset).limit(limit + 1L).toList();
        List<Listed> listed = rows.stream().limit(limit).map(e -> new Listed(e, suitability(e, filter.conditions())))
                .toList();
        return new Page<>(listed, rows.size() > limit ? Cursor.encode(offset + limit) : null);
    }

    public ExerciseContent exercise(String slug) {
        ExerciseContent exercise = catalog.visible().get(slug);
        if (exercise == null) {
            throw ApiProblem.notFound("no exercise " + slug);
        }
        return exercise;
    }

    public List<ConditionContent> conditions() {
        return global.conditions();
    }

    /** A condition's guidance with the clinic's exercises sorted into recommended, caution and avoid. */
    public record ConditionGuide(ConditionContent condition, List<Entry> recommended, List<Entry> caution,
            List<Entry> avoid) {

        /** One exercise under the condition, with the note and the safer alternatives. */
        public record Entry(String slug, String name, String note, List<String> alternatives) {
        }
    }

    public ConditionGuide condition(String slug) {
        ConditionContent condition = global.condition(slug);
        if (condition == null) {
            throw ApiProblem.notFound("no condition " + slug);
        }
        List<ConditionGuide.Entry> recommended = new ArrayList<>();
        List<ConditionGuide.Entry> caution = new ArrayList<>();
        List<ConditionGuide.Entry> avoid = new ArrayList<>();
        for (ExerciseContent e : catalog.visible().values()) {
            var r = e.ratings().get(slug);
            if (r == null) {
                continue;
            }
            var entry = new ConditionGuide.Entry(e.slug(), e.name(), r.note(), r.alternatives());
            switch (r.rating()) {
                case RECOMMENDED -> recommended.add(entry);
                case CAUTION -> caution.add(entry);
                case AVOID -> avoid.add(entry);
            }
        }
        return new ConditionGuide(condition, recommended, caution, avoid);
    }

    private static List<Suitability> suitability(ExerciseContent e, java.util.Set<String> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        List<Suitability> result = new ArrayList<>();
        for (String c : conditions) {
            var r = e.ratings() == null ? null : e.ratings().get(c);
            result.add(r == null ? new Suitability(c, Rating.CAUTION, "not rated for this condition", null)
                    : new Suitability(c, r.rating(), r.note(), r.alternatives()));
        }
        return result;
    }
}
