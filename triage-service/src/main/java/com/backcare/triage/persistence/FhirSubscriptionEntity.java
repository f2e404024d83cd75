package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.NativeSql;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A FHIR R4 Subscription (Subscriptions Backport IG) to the alert-change topic: what the client asked for and where
 * it stands. Its rest-hook channel is the {@link WebhookEntity} with the same id, whose deliveries are its
 * notifications.
 */
@Entity
@Table(name = "fhir_subscription")
public class FhirSubscriptionEntity extends PanacheEntityBase {

    public static final String REQUESTED = "requested";
    public static final String ACTIVE = "active";
    public static final String ERROR = "error";
    public static final String OFF = "off";

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public String clinicId;
    public String status;
    public String reason;
    /** empty, id-only or full-resource: how much of the alert each notification carries. */
    public String content;
    @Column(name = "patient_id")
    public String patientId;
    /** The tiers notified, comma-separated; null for every tier. */
    public String tiers;
    @Column(name = "heartbeat_seconds")
    public Integer heartbeatSeconds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> headers;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "events_since_start")
    public long eventsSinceStart;
    @Column(name = "last_notified_at")
    public Instant lastNotifiedAt;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether an alert of this patient and tier is one the subscription's filter lets through. */
    public boolean matches(String alertPatientId, String tier) {
        return (patientId == null || patientId.equals(alertPatientId))
                && (tiers == null || List.of(tiers.split(",")).contains(tier));
    }

    public static Optional<FhirSubscriptionEntity> inClinic(String clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    public static List<FhirSubscriptionEntity> ofClinic(String clinicId, int limit) {
        return find("clinicId = ?1 order by createdAt, id", clinicId).page(0, limit).list();
    }

    /**
     * Takes the next event number of an active subscription, locking its row until the transaction ends so numbers
     * are given in commit order; empty when the subscription is not active.
     */
    public static Optional<Long> nextEventNumber(UUID id, Instant at) {
        @SuppressWarnings("unchecked")
        List<Number> next = NativeSql.on(getEntityManager(), "UPDATE fhir_subscription SET events_since_start = "
                + "events_since_start + 1, last_notified_at = ?2 WHERE id = ?1 AND status = 'active' "
                + "RETURNING events_since_start", "fhir_subscription").setParameter(1, id).setParameter(2, at)
                .getResultList();
        return next.stream().findFirst().map(Number::longValue);
    }

    /** Active subscriptions with a heartbeat that nothing has been sent to for a period, locked, others skipped. */
    @SuppressWarnings("unchecked")
    public static List<FhirSubscriptionEntity> heartbeatsDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM fhir_subscription WHERE status = 'active' "
                + "AND heartbeat_seconds IS NOT NULL AND coalesce(last_notified_at, created_at) "
                + "+ heartbeat_seconds * interval '1 second' <= ?1 ORDER BY last_notified_at NULLS FIRST LIMIT ?2 "
                + "FOR UPDATE SKIP LOCKED", FhirSubscriptionEntity.class).setParameter(1, now).setParameter(2, limit)
                .getResultList();
    }
}
