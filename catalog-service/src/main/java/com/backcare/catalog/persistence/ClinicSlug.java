package com.backcare.catalog.persistence;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An exercise slug within one clinic's tailoring. */
@Embeddable
public class ClinicSlug implements Serializable {

    @Column(name = "clinic_id")
    public String clinicId;
    public String slug;

    public ClinicSlug() {
    }

    public ClinicSlug(String clinicId, String slug) {
        this.clinicId = clinicId;
        this.slug = slug;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClinicSlug k && k.clinicId.equals(clinicId) && k.slug.equals(slug);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinicId, slug);
    }
}
