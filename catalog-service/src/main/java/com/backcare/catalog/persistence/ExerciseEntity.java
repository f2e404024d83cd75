package com.backcare.catalog.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.Difficulty;
import com.backcare.catalog.domain.Direction;
import com.backcare.catalog.domain.ExerciseContent;
import com.backcare.catalog.domain.Impact;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.domain.SpinalLoad;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/** An exercise: global (no clinic) or a clinic's own. The filter columns mirror fields of {@link #content}. */
@Entity
@Table(name = "exercise")
public class ExerciseEntity extends PanacheEntityBase {

    @Id
    public String slug;
    @Column(name = "clinic_id")
    public String clinicId;
    @NotBlank
    public String name;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Category category;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Position position;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Impact impact;
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "spinal_load")
    public SpinalLoad spinalLoad;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> equipment;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    public ExerciseContent content;

    /** The filters of a list request; an empty set means any. */
    public record Filter(String condition, Set<Category> categories, Set<Position> positions) {
    }

    /** An exercise the clinic can see: a global one, or the clinic's own. */
    public static Optional<ExerciseEntity> visibleTo(String clinicId, String slug) {
        return find("slug = ?1 and (clinicId is null or clinicId = ?2)", slug, clinicId).firstResultOptional();
    }

    /** By slug, after {@code afterSlug}; with a condition, only those not rated AVOID for it. */
    public static List<ExerciseEntity> list(String clinicId, Filter filter, String afterSlug, int limit) {
        StringBuilder q = new StringBuilder("(clinicId is null or clinicId = :clinic)");
        Parameters p = Parameters.with("clinic", clinicId);
        if (filter.condition() != null) {
            q.append(" and exists (from ExerciseRatingEntity r where r.key.exerciseSlug = slug"
                    + " and r.key.conditionSlug = :condition and r.rating <> com.backcare.catalog.domain.Rating.AVOID)");
            p.and("condition", filter.condition());
        }
        if (!filter.categories().isEmpty()) {
            q.append(" and category in :categories");
            p.and("categories", filter.categories());
        }
        if (!filter.positions().isEmpty()) {
            q.append(" and position in :positions");
            p.and("positions", filter.positions());
        }
        if (afterSlug != null) {
            q.append(" and slug > :after");
            p.and("after", afterSlug);
        }
        return find(q.append(" order by slug").toString(), p).page(0, limit).list();
    }
}
