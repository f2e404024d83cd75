package com.backcare.catalog.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.catalog.domain.ExerciseContent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A global exercise as the content migration stored it. */
@Entity
@Table(name = "exercise")
public class ExerciseEntity extends PanacheEntityBase {

    @Id
    public String slug;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public ExerciseContent content;
}
