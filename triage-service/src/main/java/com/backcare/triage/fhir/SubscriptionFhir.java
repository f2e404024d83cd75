package com.backcare.triage.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.UnsignedIntType;

import com.backcare.triage.persistence.FhirSubscriptionEntity;

/**
 * Alert subscriptions per the FHIR R4 Subscriptions Backport IG (STU 1.1): the server's one topic (every change of an
 * alert), the Subscription resource, and the notification bundles (a history Bundle whose first entry is the
 * subscription's status as Parameters, followed by the alerts as DetectedIssues when the content asks for them).
 */
public final class SubscriptionFhir {

    /** The topic: any change of an alert (raised, evidence moved, acknowledged, escalated, resolved). */
    public static final String TOPIC = "https://backcare.example/fhir/SubscriptionTopic/alert-changed";
    static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
    public static final String FILTER_CRITERIA = BACKPORT + "backport-filter-criteria";
    public static final String PAYLOAD_CONTENT = BACKPORT + "backport-payload-content";
    public static final String HEARTBEAT_PERIOD = BACKPORT + "backport-heartbeat-period";
    public static final String TIMEOUT = BACKPORT + "backport-timeout";
    /** The secret a channel's calls are signed with (HMAC-SHA256 of the body), shown once when it is created. */
    public static final String SIGNING_SECRET = "https://backcare.example/fhir/StructureDefinition/webhook-signing-secret";
    public static final String SUBSCRIPTION_PROFILE = BACKPORT + "backport-subscription";
    static final String STATUS_PROFILE = BACKPORT + "backport-subscription-status-r4";
    static final String NOTIFICATION_PROFILE = BACKPORT + "backport-subscription-notification-r4";
    /** The extension on the CapabilityStatement's Subscription resource that names the topics a server offers. */
    public static final String TOPIC_CANONICAL = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/"
            + "capabilitystatement-subscriptiontopic-canonical";
    public static final String HANDSHAKE = "handshake";
    public static final String HEARTBEAT = "heartbeat";
    public static final String EVENT_NOTIFICATION = "event-notification";
    public static final String QUERY_STATUS = "query-status";
    public static final String QUERY_EVENT = "query-event";

    private SubscriptionFhir() {
    }

    /** One triggered event: its number, when, and the alert it is about (null for content {@code empty}). */
    public record Event(long number, Instant at, UUID alertId, DetectedIssue focus) {
    }

    /**
     * The subscription as the client sees it; {@code signingSecret} (given only in the answer to its creation) is the
     * key each call's {@code X-BackCare-Signature} is computed with, as for a webhook.
     */
    public static Subscription subscription(FhirSubscriptionEntity s, String endpoint, String signingSecret) {
        Subscription subscription = new Subscription();
        subscription.setId(s.id.toString());
        subscription.getMeta().addProfile(SUBSCRIPTION_PROFILE);
        subscription.setStatus(Subscription.SubscriptionStatus.fromCode(s.status));
        subscription.setReason(s.reason);
        subscription.setCriteria(TOPIC);
        if (s.patientId != null || s.tiers != null) {
            subscription.getCriteriaElement().addExtension(FILTER_CRITERIA, new StringType(filter(s.patientId, s.tiers)));
        }
        if (s.endsAt != null) {
            subscription.setEnd(Date.from(s.endsAt));
        }
        if (s.error != null) {
            subscription.setError(s.error);
        }
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        channel.setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint).setPayload(
                "application/fhir+json");
        channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType(s.content));
        if (s.heartbeatSeconds != null) {
            channel.addExtension(HEARTBEAT_PERIOD, new UnsignedIntType(s.heartbeatSeconds));
        }
        s.headers.forEach(channel::addHeader);
        if (signingSecret != null) {
            channel.addExtension(SIGNING_SECRET, new StringType(signingSecret));
        }
        return subscription;
    }

    /** The filter criteria as a search on the topic's resource: {@code DetectedIssue?patient=Patient/<id>&tier=<tiers>}. */
    public static String filter(String patientId, String tiers) {
        List<String> parameters = new java.util.ArrayList<>();
        if (patientId != null) {
            parameters.add("patient=Patient/" + patientId);
        }
        if (tiers != null) {
            parameters.add("tier=" + tiers);
        }
        return "DetectedIssue?" + String.join("&", parameters);
    }

    /** The subscription's status, and the events it lists, as the backport's status Parameters. */
    public static Parameters status(String base, FhirSubscriptionEntity s, String type, List<Event> events) {
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.getMeta().addProfile(STATUS_PROFILE);
        status.addParameter().setName("subscription").setValue(new Reference(base + "/Subscription/" + s.id));
        status.addParameter().setName("topic").setValue(new CanonicalType(TOPIC));
        status.addParameter().setName("status").setValue(new CodeType(s.status));
        status.addParameter().setName("type").setValue(new CodeType(type));
        status.addParameter().setName("events-since-subscription-start")
                .setValue(new StringType(Long.toString(s.eventsSinceStart)));
        for (Event event : events) {
            var notification = status.addParameter().setName("notification-event");
            notification.addPart().setName("event-number").setValue(new StringType(Long.toString(event.number())));
            notification.addPart().setName("timestamp").setValue(new InstantType(Date.from(event.at())));
            if (!"empty".equals(s.content) && event.alertId() != null) {
                notification.addPart().setName("focus")
                        .setValue(new Reference(base + "/DetectedIssue/" + event.alertId()));
            }
        }
        if (s.error != null) {
            status.addParameter().setName("error").setValue(new org.hl7.fhir.r4.model.CodeableConcept()
                    .setText(s.error));
        }
        return status;
    }

    /**
     * A notification bundle: type history, the status first, then (content full-resource) each event's alert as it
     * stood when the event was triggered.
     */
    public static Bundle notification(String base, FhirSubscriptionEntity s, String type, List<Event> events, Instant at) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().addProfile(NOTIFICATION_PROFILE);
        bundle.setType(Bundle.BundleType.HISTORY);
        bundle.setTimestamp(Date.from(at));
        Parameters status = status(base, s, type, events);
        bundle.addEntry().setFullUrl("urn:uuid:" + status.getId()).setResource(status)
                .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.GET)
                        .setUrl(base + "/Subscription/" + s.id + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        if ("full-resource".equals(s.content)) {
            for (Event event : events) {
                if (event.focus() != null) {
                    bundle.addEntry().setFullUrl(base + "/DetectedIssue/" + event.focus().getIdElement().getIdPart())
                            .setResource(event.focus())
                            .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.PUT)
                                    .setUrl("DetectedIssue/" + event.focus().getIdElement().getIdPart()))
                            .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
                }
            }
        }
        return bundle;
    }
}
