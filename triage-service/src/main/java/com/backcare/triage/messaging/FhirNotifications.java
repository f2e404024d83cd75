package com.backcare.triage.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.backcare.commons.fhir.Fhir;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.domain.SubscriptionNotices;
import com.backcare.triage.fhir.SubscriptionFhir;
import com.backcare.triage.fhir.TriageFhir;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.FhirSubscriptionEntity;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

/**
 * A FHIR Subscription's notifications, queued as deliveries of its channel (so they share the webhooks' retries,
 * fairness and log): the handshake when it is created, an event notification for each alert change it matches
 * (numbered in the change's transaction), and a heartbeat when nothing has been sent for its period.
 */
@ApplicationScoped
public class FhirNotifications implements SubscriptionNotices {

    @Inject
    TriageConfig config;
    @Inject
    Event<AlertChangeRecorder.DeliveriesAdded> deliveriesAdded;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handshake(FhirSubscriptionEntity subscription) {
        queue(subscription, SubscriptionFhir.HANDSHAKE, List.of(), null, null, null, clock.instant());
        deliveriesAdded.fire(new AlertChangeRecorder.DeliveriesAdded());
    }

    /**
     * Queues the event notification of an alert change for a subscription, when it is active and its filter matches;
     * returns whether it did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean alertChanged(WebhookEntity channel, AlertEntity alert, UUID eventId, String traceParent, Instant at) {
        FhirSubscriptionEntity subscription = FhirSubscriptionEntity.findById(channel.id);
        if (subscription == null || !subscription.matches(alert.patientId, alert.tier.name())) {
            return false;
        }
        if (subscription.endsAt != null && !subscription.endsAt.isAfter(at)) {
            return false;
        }
        var number = FhirSubscriptionEntity.nextEventNumber(subscription.id, at);
        if (number.isEmpty()) {
            return false; // not active (yet, or any more)
        }
        subscription.eventsSinceStart = number.get();
        var issue = "empty".equals(subscription.content) ? null
                : TriageFhir.detectedIssue(alert, AlertChangeEntity.historyOf(alert.id));
        var event = new SubscriptionFhir.Event(number.get(), at, alert.id, issue);
        queue(subscription, SubscriptionFhir.EVENT_NOTIFICATION, List.of(event), number.get(), alert.id, traceParent, at);
        return true;
    }

    /** Queues a heartbeat for each active subscription that nothing has been sent to for its period. */
    @Scheduled(every = "${triage.fhir.heartbeat-check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeats() {
        boolean queued = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<FhirSubscriptionEntity> due = FhirSubscriptionEntity.heartbeatsDue(now, 100);
            for (FhirSubscriptionEntity subscription : due) {
                subscription.lastNotifiedAt = now;
                queue(subscription, SubscriptionFhir.HEARTBEAT, List.of(), null, null, null, now);
            }
            return !due.isEmpty();
        });
        if (queued) {
            deliveriesAdded.fire(new AlertChangeRecorder.DeliveriesAdded());
        }
    }

    /** A subscription's handshake was answered: active when the endpoint accepted it, error when it never did. */
    static void handshakeAnswered(UUID subscriptionId, boolean accepted, String error) {
        FhirSubscriptionEntity subscription = FhirSubscriptionEntity.findById(subscriptionId);
        if (subscription != null && FhirSubscriptionEntity.REQUESTED.equals(subscription.status)) {
            subscription.status = accepted ? FhirSubscriptionEntity.ACTIVE : FhirSubscriptionEntity.ERROR;
            subscription.error = accepted ? null : "handshake failed: " + error;
            subscription.lastNotifiedAt = Instant.now();
        }
    }

    private void queue(FhirSubscriptionEntity subscription, String type, List<SubscriptionFhir.Event> events,
            Long eventNumber, UUID alertId, String traceParent, Instant at) {
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.pending(subscription.id, subscription.clinicId,
                UUID.randomUUID(), Fhir.json(SubscriptionFhir.notification(config.fhir().baseUrl(), subscription, type,
                        events, at)), traceParent, at);
        delivery.notificationType = type;
        delivery.eventNumber = eventNumber;
        delivery.alertId = alertId;
        delivery.persist();
    }
}
