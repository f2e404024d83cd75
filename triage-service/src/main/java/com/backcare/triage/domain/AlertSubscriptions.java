package com.backcare.triage.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.persistence.FhirSubscriptionEntity;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

/**
 * A clinic's FHIR Subscriptions to its alert changes: created as requested, made active by a handshake the endpoint
 * accepts, numbered events from then on. Always within the caller's own clinic; another clinic's subscription is not
 * found.
 */
@ApplicationScoped
public class AlertSubscriptions {

    /** Headers a client may add to each call: a name, a colon, a value; nothing the HTTP client sets itself. */
    private static final Pattern HEADER = Pattern.compile("([A-Za-z0-9-]{1,64}):[ \\t]*([\\x20-\\x7E]{1,1000})");
    private static final List<String> RESERVED_HEADERS = List.of("host", "connection", "content-length", "content-type",
            "expect", "upgrade", "transfer-encoding", "traceparent", "x-backcare-signature", "x-backcare-delivery",
            "x-backcare-event");
    public static final int MAX_HEADERS = 10;
    public static final int MAX_HEARTBEAT_SECONDS = 86_400;

    @Inject
    Caller caller;
    @Inject
    Webhooks webhooks;
    @Inject
    SubscriptionNotices notices;

    Clock clock = Clock.systemUTC();

    /** What a client asks for: its checks are made here, each failure naming the element. */
    public record Request(String endpoint, String reason, String content, String patientId, String tiers,
            Integer heartbeatSeconds, List<String> headers, Instant endsAt) {
    }

    @Transactional
    public FhirSubscriptionEntity create(Request request) {
        String clinicId = caller.clinicId();
        webhooks.requireTarget(request.endpoint(), "Subscription.channel.endpoint");
        if (request.heartbeatSeconds() != null
                && (request.heartbeatSeconds() < 1 || request.heartbeatSeconds() > MAX_HEARTBEAT_SECONDS)) {
            throw ApiProblem.invalidField("Subscription.channel.extension:heartbeatPeriod",
                    "must be between 1 and " + MAX_HEARTBEAT_SECONDS + " seconds");
        }
        if (request.headers().size() > MAX_HEADERS) {
            throw ApiProblem.invalidField("Subscription.channel.header", "at most " + MAX_HEADERS + " headers");
        }
        for (String header : request.headers()) {
            var match = HEADER.matcher(header);
            if (!match.matches() || RESERVED_HEADERS.contains(match.group(1).toLowerCase(java.util.Locale.ROOT))) {
                throw ApiProblem.invalidField("Subscription.channel.header", "each must be \"Name: value\" in "
                        + "printable ASCII, and not one the server sets itself (" + String.join(", ", RESERVED_HEADERS)
                        + ")");
            }
        }
        Instant now = clock.instant();
        if (request.endsAt() != null && !request.endsAt().isAfter(now)) {
            throw ApiProblem.invalidField("Subscription.end", "must be in the future");
        }
        WebhookEntity channel = new WebhookEntity();
        channel.id = UUID.randomUUID();
        channel.clinicId = clinicId;
        channel.url = request.endpoint();
        channel.secret = Webhooks.newSecret();
        channel.kind = WebhookEntity.FHIR;
        channel.createdAt = now;
        channel.createdBy = caller.subject();
        channel.persist();
        FhirSubscriptionEntity subscription = new FhirSubscriptionEntity();
        subscription.id = channel.id;
        subscription.clinicId = clinicId;
        subscription.status = FhirSubscriptionEntity.REQUESTED;
        subscription.reason = request.reason();
        subscription.content = request.content();
        subscription.patientId = request.patientId();
        subscription.tiers = request.tiers();
        subscription.heartbeatSeconds = request.heartbeatSeconds();
        subscription.headers = List.copyOf(request.headers());
        subscription.endsAt = request.endsAt();
        subscription.createdAt = now;
        subscription.persist();
        notices.handshake(subscription);
        return subscription;
    }

    @Transactional
    public FhirSubscriptionEntity get(UUID id) {
        return FhirSubscriptionEntity.inClinic(caller.clinicId(), id)
                .orElseThrow(() -> ApiProblem.notFound("no Subscription " + id));
    }

    /** The subscription's rest-hook channel: its endpoint and signing secret. */
    @Transactional
    public WebhookEntity channelOf(FhirSubscriptionEntity subscription) {
        return WebhookEntity.findById(subscription.id);
    }

    @Transactional
    public List<FhirSubscriptionEntity> list(int limit) {
        return FhirSubscriptionEntity.ofClinic(caller.clinicId(), limit);
    }

    /** Ends the subscription: its channel and pending notifications go with it. */
    @Transactional
    public void remove(UUID id) {
        get(id).delete();
        WebhookEntity.deleteById(id);
    }

    /** A past event of a subscription: its number, when, its alert, and (when asked) the alert now and its history. */
    public record PastEvent(long number, Instant at, UUID alertId, AlertEntity alert, List<AlertChangeEntity> history) {
    }

    /** The subscription's events numbered in [since, until], oldest first, with their alerts when {@code full}. */
    @Transactional
    public List<PastEvent> events(FhirSubscriptionEntity subscription, long since, long until, int limit, boolean full) {
        return WebhookDeliveryEntity.eventsOf(subscription.id, since, until, limit).stream().map(d -> {
            AlertEntity alert = full && d.alertId != null ? AlertEntity.findById(d.alertId) : null;
            return new PastEvent(d.eventNumber, d.createdAt, d.alertId, alert,
                    alert == null ? List.of() : AlertChangeEntity.historyOf(alert.id));
        }).toList();
    }
}
