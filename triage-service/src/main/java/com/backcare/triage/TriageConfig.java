package com.backcare.triage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** triage-service settings ({@code triage.*}). */
@ConfigMapping(prefix = "triage")
public interface TriageConfig {

    Webhooks webhooks();

    Escalation escalation();

    Stream stream();

    Fhir fhir();

    /** The FHIR interface. */
    interface Fhir {
        /** The FHIR base URL clients reach triage at: the start of every reference in a subscription notification. */
        @WithDefault("http://localhost:8082/fhir/r4")
        String baseUrl();

        /** How often heartbeats due are looked for. */
        @WithDefault("1s")
        Duration heartbeatCheckEvery();
    }

    /** Webhook delivery. */
    interface Webhooks {
        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration checkEvery();

        /** How long one call may take. */
        @WithDefault("5s")
        Duration timeout();

        /** Attempts before a delivery is FAILED (kept for replay). */
        @WithDefault("6")
        int maxAttempts();

        /** The first retry's delay; each further retry waits twice as long. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Deliveries claimed at once. */
        @WithDefault("20")
        int batchSize();

        /** Calls under way at once to one webhook: a subscriber that hangs holds at most these. */
        @WithDefault("4")
        int perWebhookInFlight();

        /**
         * Whether webhooks may target loopback, private or link-local addresses. Off in production, so a webhook
         * cannot be aimed at the clinic's internal network (SSRF); on for local runs and tests.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();
    }

    /** Escalation of unacknowledged alerts. */
    interface Escalation {
        /** How often due escalations are looked for. */
        @WithDefault("10s")
        Duration checkEvery();
    }

    /** The live streams: the clinic's alert changes, and each patient's status. */
    interface Stream {
        /**
         * How often an open stream sends a keep-alive comment. Changes need no polling: every instance hears each one
         * the moment it commits and wakes the streams it concerns, so an idle stream reads nothing; only while this
         * instance may have missed a change (not listening) does a stream also look at the database at this tick.
         */
        @WithDefault("15s")
        Duration keepAlive();
    }
}
