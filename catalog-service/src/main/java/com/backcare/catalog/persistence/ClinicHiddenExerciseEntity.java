package com.backcare.catalog.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A global exercise a clinic hid from its own patients and staff. */
@Entity
@Table(name = "clinic_hidden_exercise")
public class ClinicHiddenExerciseEntity extends PanacheEntityBase {

    @EmbeddedId
    public ClinicSlug key;
    @Column(name = "hidden_at")
    public Instant hiddenAt;
    @Column(name = "hidden_by")
    public String hiddenBy;

    public static List<String> slugsOf(String clinicId) {
        return ClinicHiddenExerciseEntity.<ClinicHiddenExerciseEntity>list("key.clinicId = ?1 order by key.slug", clinicId)
                .stream().map(h -> h.key.slug).toList();
    }
}
