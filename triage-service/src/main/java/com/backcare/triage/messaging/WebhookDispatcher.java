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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.backcare.events.EventEnvelope;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

import io.quarkus.scheduler.Scheduled;

/**
 * Delivers pending webhook calls: each body is the alert change's CloudEvent, signed with HMAC-SHA256 under the
 * webhook's secret (header {@value #SIGNATURE_HEADER}: {@code sha256=<hex>}). A failure is retried with exponential
 * backoff; after the last attempt the delivery is FAILED and stays in the log for the admin to read and replay. This
 * runs apart from event consumption, with short timeouts, so a slow or dead subscriber never delays triage.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String SIGNATURE_HEADER = "X-BackCare-Signature";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    TriageConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    Clock clock = Clock.systemUTC();

    @Scheduled(every = "${triage.webhooks.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        while (deliverBatch() == config.webhooks().batchSize()) {
            // a full batch: more may be due
        }
    }

    /** Sends the due deliveries concurrently and records each outcome; returns how many were due. */
    @Transactional
    int deliverBatch() {
        List<WebhookDeliveryEntity> due = WebhookDeliveryEntity.due(clock.instant(), config.webhooks().batchSize());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (WebhookDeliveryEntity delivery : due) {
            WebhookEntity webhook = WebhookEntity.findById(delivery.webhookId);
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", EventEnvelope.CONTENT_TYPE)
                    .header("X-BackCare-Delivery", delivery.id.toString())
                    .header("X-BackCare-Event", delivery.eventId.toString())
                    .header(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret, delivery.payload))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload, StandardCharsets.UTF_8)).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        outcome(delivery, response == null ? null : response.statusCode(), error);
                        return null;
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private void outcome(WebhookDeliveryEntity delivery, Integer status, Throwable error) {
        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastStatus = status;
        if (error == null && status >= 200 && status < 300) {
            delivery.status = WebhookDeliveryEntity.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            return;
        }
        delivery.lastError = error != null ? truncate(error.getClass().getSimpleName() + ": " + error.getMessage())
                : "HTTP " + status;
        if (delivery.attempts >= config.webhooks().maxAttempts()) {
            delivery.status = WebhookDeliveryEntity.FAILED;
            delivery.nextAttemptAt = null;
            LOG.warnf("Webhook delivery %s failed after %d attempts: %s", delivery.id, delivery.attempts, delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(config.webhooks().initialBackoff().multipliedBy(1L << (delivery.attempts - 1)));
        }
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
