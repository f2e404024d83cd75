package com.backcare.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.catalog.persistence.ConditionEntity;
import com.backcare.catalog.persistence.ExerciseEntity;
import com.backcare.catalog.persistence.ExerciseRatingEntity;
import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;

/** Reads the catalog as the caller's clinic sees it: the global exercises plus the clinic's own. */
@ApplicationScoped
public class CatalogQueries {

    @Inject
    Caller caller;

    /** An exercise in a list, with its rating for the condition asked about. */
    public record Listed(ExerciseEntity exercise, ExerciseRatingEntity rating) {
    }

    @Transactional
    public Page<Listed> exercises(ExerciseEntity.Filter filter, String cursor, int limit) {
        if (filter.condition() != null && ConditionEntity.findByIdOptional(filter.condition()).isEmpty()) {
            throw ApiProblem.invalidField("condition", "'" + filter.condition() + "' is not a condition of "
                    + conditionSlugs());
        }
        String after = cursor == null ? null : Cursor.read(cursor, 1, parts -> parts.get(0));
        List<ExerciseEntity> rows = ExerciseEntity.list(caller.clinicId(), filter, after, limit + 1);
        Page<ExerciseEntity> page = Page.of(rows, limit, last -> Cursor.encode(last.slug));
        Map<String, ExerciseRatingEntity> ratings = filter.condition() == null ? Map.of()
                : ExerciseRatingEntity.forCondition(filter.condition(), page.items().stream().map(e -> e.slug).toList())
                        .stream().collect(Collectors.toMap(r -> r.key.exerciseSlug, Function.identity()));
        return page.map(e -> new Listed(e, ratings.get(e.slug)));
    }

    @Transactional
    public ExerciseEntity exercise(String slug) {
        return ExerciseEntity.visibleTo(caller.clinicId(), slug)
                .orElseThrow(() -> ApiProblem.notFound("no exercise " + slug));
    }

    @Transactional
    public List<ConditionEntity> conditions() {
        return ConditionEntity.listAll(io.quarkus.panache.common.Sort.by("slug"));
    }

    private List<String> conditionSlugs() {
        return conditions().stream().map(c -> c.slug).toList();
    }
}
