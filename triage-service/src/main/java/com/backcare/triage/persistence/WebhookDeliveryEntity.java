package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One alert change for one webhook: pending until delivered, failed after the last attempt, replayable. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "webhook_id")
    public UUID webhookId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "event_id")
    public UUID eventId;
    @NotBlank
    public String payload;
    @NotBlank
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** The trace of the alert change (W3C traceparent), continued by each call. */
    @Column(name = "trace_parent")
    public String traceParent;
    /** For a FHIR Subscription: handshake, heartbeat or event-notification. */
    @Column(name = "notification_type")
    public String notificationType;
    /** For a FHIR Subscription's event notification: its number since the subscription started. */
    @Column(name = "event_number")
    public Long eventNumber;
    @Column(name = "alert_id")
    public UUID alertId;

    /** A new call to a subscriber, due at once. */
    public static WebhookDeliveryEntity pending(UUID webhookId, String clinicId, UUID eventId, String payload,
            String traceParent, Instant at) {
        WebhookDeliveryEntity delivery = new WebhookDeliveryEntity();
        delivery.id = UUID.randomUUID();
        delivery.webhookId = webhookId;
        delivery.clinicId = clinicId;
        delivery.eventId = eventId;
        delivery.payload = payload;
        delivery.status = PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        delivery.traceParent = traceParent;
        return delivery;
    }

    /**
     * Deliveries due now, locked, at most {@code perWebhook} for each webhook and none for the webhooks in
     * {@code busy}: one subscriber's backlog or hang never takes the places of another's. Rows another instance holds
     * are skipped, so nothing is sent twice at once.
     */
    @SuppressWarnings("unchecked")
    public static List<WebhookDeliveryEntity> due(Instant now, int limit, int perWebhook, java.util.Collection<UUID> busy) {
        return getEntityManager().createNativeQuery("SELECT * FROM webhook_delivery WHERE id IN ("
                + " SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY webhook_id ORDER BY next_attempt_at) AS n"
                + "  FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                + "  AND NOT (webhook_id::text = ANY (string_to_array(?4, ',')))) ranked WHERE n <= ?3)"
                + " ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED", WebhookDeliveryEntity.class)
                .setParameter(1, now).setParameter(2, limit).setParameter(3, perWebhook)
                .setParameter(4, String.join(",", busy.stream().map(UUID::toString).toList())).getResultList();
    }

    /** A FHIR Subscription's event notifications numbered in [since, until], oldest first, at most {@code limit}. */
    public static List<WebhookDeliveryEntity> eventsOf(UUID subscriptionId, long since, long until, int limit) {
        return find("webhookId = ?1 and eventNumber >= ?2 and eventNumber <= ?3 order by eventNumber", subscriptionId,
                since, until).page(0, limit).list();
    }

    public static List<WebhookDeliveryEntity> logOf(UUID webhookId, int limit) {
        return find("webhookId = ?1 order by createdAt desc", webhookId).page(0, limit).list();
    }
}
