package com.backcare.triage.domain;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

/**
 * A clinic-admin's webhooks and their delivery log, always within the admin's own clinic. A FHIR Subscription's
 * channel is one of them (kind FHIR): its log and replays are here too.
 */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Caller caller;
    @Inject
    com.backcare.triage.TriageConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public WebhookEntity register(String clinicId, String url, String secret) {
        caller.requireOwnClinic(clinicId);
        requireTarget(url, "url");
        WebhookEntity webhook = new WebhookEntity();
        webhook.id = UUID.randomUUID();
        webhook.clinicId = clinicId;
        webhook.url = url;
        webhook.secret = secret != null ? secret : newSecret();
        webhook.createdAt = clock.instant();
        webhook.createdBy = caller.subject();
        webhook.persist();
        return webhook;
    }

    @Transactional
    public List<WebhookEntity> list(String clinicId) {
        caller.requireOwnClinic(clinicId);
        return WebhookEntity.ofClinic(clinicId);
    }

    @Transactional
    public void remove(String clinicId, UUID webhookId) {
        webhook(clinicId, webhookId).delete();
    }

    @Transactional
    public List<WebhookDeliveryEntity> deliveries(String clinicId, UUID webhookId, int limit) {
        return WebhookDeliveryEntity.logOf(webhook(clinicId, webhookId).id, limit);
    }

    /** Sends a delivery again from its first attempt: after the subscriber fixed its end, say. */
    @Transactional
    public WebhookDeliveryEntity replay(String clinicId, UUID webhookId, UUID deliveryId) {
        WebhookEntity webhook = webhook(clinicId, webhookId);
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.findById(deliveryId);
        if (delivery == null || !delivery.webhookId.equals(webhook.id)) {
            throw ApiProblem.notFound("no delivery " + deliveryId + " for webhook " + webhookId);
        }
        Instant now = clock.instant();
        delivery.status = WebhookDeliveryEntity.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.deliveredAt = null;
        return delivery;
    }

    private WebhookEntity webhook(String clinicId, UUID webhookId) {
        caller.requireOwnClinic(clinicId);
        WebhookEntity webhook = WebhookEntity.findById(webhookId);
        if (webhook == null || !webhook.clinicId.equals(clinicId)) {
            throw ApiProblem.notFound("no webhook " + webhookId);
        }
        return webhook;
    }

    /** Refuses, naming {@code field}, a target that is not an absolute http(s) URL or (in production) is internal. */
    void requireTarget(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be an absolute http or https URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw ApiProblem.invalidField(field, "must be an absolute http or https URL");
        }
        if (!config.webhooks().allowPrivateTargets() && isPrivate(uri.getHost(), field)) {
            throw ApiProblem.invalidField(field, "must point to a public address, not a loopback, private or "
                    + "link-local one");
        }
    }

    /** True when the host is, or resolves to, an address inside this network rather than on the internet. */
    static boolean isPrivate(String host, String field) {
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (java.net.UnknownHostException e) {
            throw ApiProblem.invalidField(field, "host " + host + " does not resolve");
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
