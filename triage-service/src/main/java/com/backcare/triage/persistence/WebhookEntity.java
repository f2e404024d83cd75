package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's subscriber to alert changes: each change is POSTed to {@link #url}, signed with {@link #secret}. */
@Entity
@Table(name = "webhook")
public class WebhookEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @NotBlank
    @Column(name = "clinic_id")
    public String clinicId;
    @NotBlank
    @Size(max = 2000)
    public String url;
    @NotBlank
    public String secret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    /** {@link #CLOUDEVENTS}: a clinic-admin's webhook; {@link #FHIR}: a FHIR Subscription's rest-hook channel. */
    public String kind = CLOUDEVENTS;

    public static final String CLOUDEVENTS = "CLOUDEVENTS";
    public static final String FHIR = "FHIR";

    /** Every subscriber of the clinic, webhooks and FHIR Subscriptions alike. */
    public static List<WebhookEntity> ofClinic(String clinicId) {
        return list("clinicId = ?1 order by createdAt", clinicId);
    }

    public boolean isFhir() {
        return FHIR.equals(kind);
    }
}
