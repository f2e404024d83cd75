package com.backcare.catalog.persistence;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import com.backcare.catalog.domain.Rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How one exercise suits one condition. */
@Entity
@Table(name = "exercise_rating")
public class ExerciseRatingEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Rating rating;
    public String note;

    public static List<ExerciseRatingEntity> forCondition(String condition, Collection<String> exerciseSlugs) {
        if (exerciseSlugs.isEmpty()) {
            return List.of();
        }
        return list("key.conditionSlug = ?1 and key.exerciseSlug in ?2", condition, exerciseSlugs);
    }

    public static List<ExerciseRatingEntity> forCondition(String condition) {
        return list("key.conditionSlug = ?1 order by key.exerciseSlug", condition);
    }

    /** Which exercise for which condition. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "exercise_slug")
        public String exerciseSlug;
        @Column(name = "condition_slug")
        public String conditionSlug;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.exerciseSlug.equals(exerciseSlug) && k.conditionSlug.equals(conditionSlug);
        }

        @Override
        public int hashCode() {
            return Objects.hash(exerciseSlug, conditionSlug);
        }
    }
}
