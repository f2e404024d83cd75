package com.backcare.catalog.persistence;

import java.util.List;

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

/** A global exercise as the content migration stored it; the columns beside {@link #content} mirror its fields. */
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
}
