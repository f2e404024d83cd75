package com.backcare.catalog.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.catalog.domain.ConditionContent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A spinal condition and its exercise guidance. */
@Entity
@Table(name = "condition")
public class ConditionEntity extends PanacheEntityBase {

    @Id
    public String slug;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public ConditionContent content;
}
