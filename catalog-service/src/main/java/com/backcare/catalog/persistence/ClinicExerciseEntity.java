package com.backcare.catalog.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.catalog.domain.ExerciseContent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An exercise a clinic added for its own patients; no other clinic sees it. */
@Entity
@Table(name = "clinic_exercise")
public class ClinicExerciseEntity extends PanacheEntityBase {

    @EmbeddedId
    public ClinicSlug key;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public ExerciseContent content;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static List<ClinicExerciseEntity> ofClinic(String clinicId) {
        return list("key.clinicId = ?1 order by key.slug", clinicId);
    }
}
