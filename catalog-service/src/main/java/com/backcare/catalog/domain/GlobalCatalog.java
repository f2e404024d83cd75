package com.backcare.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.backcare.catalog.persistence.ConditionEntity;
import com.backcare.catalog.persistence.ExerciseEntity;

import io.quarkus.runtime.StartupEvent;

/**
 * The global catalog in memory. Its content changes only through the repeatable migration, which runs at start-up,
 * so it is read once, after the migration; every list and plan is then filtered without touching the database.
 */
@ApplicationScoped
public class GlobalCatalog {

    private volatile Map<String, ExerciseContent> exercises = Map.of();
    private volatile List<ConditionContent> conditions = List.of();

    @Transactional
    void load(@Observes StartupEvent event) {
        Map<String, ExerciseContent> loaded = new LinkedHashMap<>();
        ExerciseEntity.<ExerciseEntity>listAll(io.quarkus.panache.common.Sort.by("slug"))
                .forEach(e -> loaded.put(e.slug, e.content));
        exercises = Map.copyOf(loaded);
        conditions = ConditionEntity.<ConditionEntity>listAll(io.quarkus.panache.common.Sort.by("slug")).stream()
                .map(c -> c.content).toList();
    }

    public Map<String, ExerciseContent> exercises() {
        return exercises;
    }

    public List<ConditionContent> conditions() {
        return conditions;
    }

    public ConditionContent condition(String slug) {
        return conditions.stream().filter(c -> c.slug().equals(slug)).findFirst().orElse(null);
    }
}
