package com.backcare.triage.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.backcare.commons.tracing.Traces;
import com.backcare.events.EventEnvelope;
import com.backcare.triage.TriageConfig;
import com.backcare.commons.fhir.Fhir;
import com.backcare.triage.fhir.SubscriptionFhir;
import com.backcare.triage.persistence.FhirSubscriptionEntity;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers pending webhook calls: each body is the alert change's CloudEvent, signed with HMAC-SHA256 under the
 * webhook's secret (header {@value #SIGNATURE_HEADER}: {@code sha256=<hex>}). A failure is retried with exponential
 * backoff; after the last attempt the delivery is FAILED and stays in the log for the admin to read and replay.
 * <p>
 * Each delivery is claimed under a lease (its next attempt moved past the call's timeout, so a crashed instance's
 * claim is retried), sent without waiting for any other, and settled in its own transaction the moment its answer
 * comes. A webhook has at most {@code per-webhook-in-flight} calls under way: a subscriber that hangs uses up its own
 * places and never delays another clinic's deliveries. A commit that adds deliveries, and every settled call, start a
 * pass at once; the tick only catches what is due later (retries). This runs apart from event consumption, so a slow
 * or dead subscriber never delays triage either.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String SIGNATURE_HEADER = "X-BackCare-Signature";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Beyond the call's own timeout, before an unsettled claim may be taken again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    @Inject
    TriageConfig config;
    @Inject
    AlertMetrics alertMetrics;
    @Inject
    Tracer tracer;

    // HTTP/1.1, what every webhook subscriber speaks: the JDK's default would first try to upgrade each plain-http
    // connection to HTTP/2.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService settling = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-settle");
        t.setDaemon(true);
        return t;
    });
    /** One thread per call under way, kept for the next: calls are bounded by the webhooks' in-flight places. */
    private final ExecutorService calling = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-call");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentHashMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    Clock clock = Clock.systemUTC();

    /** What a claimed call needs, read inside the claiming transaction. */
    private record Claim(UUID deliveryId, UUID webhookId, UUID eventId, String url, String secret, String payload,
            String traceParent, String contentType, List<String> headers) {
    }

    @Scheduled(every = "${triage.webhooks.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        dispatch();
    }

    /** New deliveries were committed: send them now rather than at the next tick. */
    void onDeliveriesAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChangeRecorder.DeliveriesAdded added) {
        try {
            settling.execute(this::dispatch);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the deliveries are in the database and go out after the next start
        }
    }

    /**
     * Claims and sends until nothing due is left. One pass at a time; a call for a pass while one runs makes that pass
     * look again when it ends, so neither a commit nor a freed place is missed.
     */
    private void dispatch() {
        if (!dispatching.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<Claim> claimed;
                do {
                    claimed = claim();
                    claimed.forEach(this::send);
                } while (claimed.size() == config.webhooks().batchSize());
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim webhook deliveries, retrying at the next tick: %s", e);
        } finally {
            dispatching.set(false);
        }
    }

    /** Claims the due deliveries of the webhooks that have room, under a lease; returns them. */
    List<Claim> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int perWebhook = config.webhooks().perWebhookInFlight();
            Set<UUID> busy = Set.copyOf(inFlight.entrySet().stream().filter(e -> e.getValue().get() >= perWebhook)
                    .map(java.util.Map.Entry::getKey).toList());
            List<WebhookDeliveryEntity> due = WebhookDeliveryEntity.due(now, config.webhooks().batchSize(), perWebhook, busy);
            Instant leaseEnds = now.plus(config.webhooks().timeout()).plus(LEASE_MARGIN);
            return due.stream().map(delivery -> {
                WebhookEntity webhook = WebhookEntity.findById(delivery.webhookId);
                delivery.nextAttemptAt = leaseEnds;
                inFlight.computeIfAbsent(delivery.webhookId, id -> new AtomicInteger()).incrementAndGet();
                // A FHIR Subscription's channel gets FHIR bundles, with the headers its client asked for.
                FhirSubscriptionEntity subscription = webhook.isFhir() ? FhirSubscriptionEntity.findById(webhook.id) : null;
                return new Claim(delivery.id, delivery.webhookId, delivery.eventId, webhook.url, webhook.secret,
                        delivery.payload, delivery.traceParent, subscription != null ? Fhir.JSON : EventEnvelope.CONTENT_TYPE,
                        subscription != null ? List.copyOf(subscription.headers) : List.of());
            }).toList();
        });
    }

    private void send(Claim claim) {
        // Each call is a client span in the trace of the alert change, and tells the subscriber so (traceparent).
        Span span = tracer.spanBuilder("webhook POST").setSpanKind(SpanKind.CLIENT)
                .setParent(Traces.fromParent(claim.traceParent()))
                .setAttribute("backcare.webhook.delivery", claim.deliveryId().toString()).startSpan();
        HttpRequest request;
        try (Scope scope = span.makeCurrent()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(claim.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", claim.contentType())
                    .header("X-BackCare-Delivery", claim.deliveryId().toString())
                    .header("X-BackCare-Event", claim.eventId().toString())
                    .header(SIGNATURE_HEADER, "sha256=" + sign(claim.secret(), claim.payload()));
            for (String header : claim.headers()) {
                int colon = header.indexOf(':');
                builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            String traceParent = Traces.currentParent();
            if (traceParent != null) {
                builder.header(Traces.TRACEPARENT, traceParent);
            }
            request = builder.POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8)).build();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage()).end();
            settling.execute(() -> settle(claim, null, e));
            return;
        }
        // A blocking call on a pooled thread, not sendAsync: the JDK client completes every sendAsync in
        // CompletableFuture's default executor, which on two cores or fewer starts a new thread for each call.
        calling.execute(() -> {
            Integer status = null;
            Throwable error = null;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            } catch (Exception e) {
                error = e;
            }
            if (error != null || status >= 300) {
                span.setStatus(StatusCode.ERROR, error != null ? error.toString() : "HTTP " + status);
            }
            if (status != null) {
                span.setAttribute("http.response.status_code", status);
            }
            span.end();
            Integer answered = status;
            Throwable failed = error;
            settling.execute(() -> settle(claim, answered, failed));
        });
    }

    /** Records one call's outcome at once, in its own transaction. */
    void settle(Claim claim, Integer status, Throwable error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookDeliveryEntity delivery = WebhookDeliveryEntity.findById(claim.deliveryId());
                if (delivery != null && WebhookDeliveryEntity.PENDING.equals(delivery.status)) {
                    outcome(delivery, status, error);
                }
            });
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is sent again: at least once, never lost.
            LOG.warnf("Could not record webhook delivery %s: %s", claim.deliveryId(), e);
        } finally {
            inFlight.computeIfPresent(claim.webhookId(), (id, count) -> count.decrementAndGet() <= 0 ? null : count);
            dispatch(); // a place is free: the webhook's next due delivery need not wait for the tick
        }
    }

    private void outcome(WebhookDeliveryEntity delivery, Integer status, Throwable error) {
        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastStatus = status;
        if (error == null && status != null && status >= 200 && status < 300) {
            delivery.status = WebhookDeliveryEntity.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            if (SubscriptionFhir.HANDSHAKE.equals(delivery.notificationType)) {
                FhirNotifications.handshakeAnswered(delivery.webhookId, true, null);
            }
            return;
        }
        delivery.lastError = error != null ? truncate(error.getClass().getSimpleName() + ": " + error.getMessage())
                : "HTTP " + status;
        boolean givenUp = delivery.attempts >= config.webhooks().maxAttempts();
        alertMetrics.webhookFailed(givenUp);
        if (givenUp) {
            delivery.status = WebhookDeliveryEntity.FAILED;
            delivery.nextAttemptAt = null;
            if (SubscriptionFhir.HANDSHAKE.equals(delivery.notificationType)) {
                FhirNotifications.handshakeAnswered(delivery.webhookId, false, delivery.lastError);
            }
            LOG.warnf("Webhook delivery %s failed after %d attempts: %s", delivery.id, delivery.attempts, delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(config.webhooks().initialBackoff().multipliedBy(1L << (delivery.attempts - 1)));
        }
    }

    @PreDestroy
    void stop() {
        calling.shutdown();
        settling.shutdown();
    }

    /** HMAC-SHA256 of the body under the secret, hex: what a subscriber recomputes to trust the call. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
