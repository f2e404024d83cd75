package com.backcare.triage.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.backcare.commons.tracing.Traces;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.domain.TriageRules;
import com.backcare.triage.messaging.AlertChangeRecorder.AlertChanged;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;

/**
 * What an on-call team alerts on in triage, counted only once a change has committed: alerts raised by tier and rule,
 * the latency from the journal's commit of the entry to the alert's commit, escalations, and webhook deliveries that
 * failed. Every series is registered at start-up, at zero, so rules and dashboards see it before it first moves. Each
 * change also writes one log line of ids, rule and tier (no clinical content), which carries the trace id.
 */
@ApplicationScoped
public class AlertMetrics {

    private static final Logger LOG = Logger.getLogger(AlertMetrics.class);

    @Inject
    MeterRegistry metrics;

    private final Map<String, Counter> raisedByRule = new HashMap<>();
    private final Map<String, Timer> latencyByTier = new HashMap<>();
    private final Map<String, Counter> escalatedByTier = new HashMap<>();
    private Counter attemptsFailed;
    private Counter deliveriesFailed;

    void register(@Observes StartupEvent event) {
        TriageRules.tiers().forEach((rule, tier) -> raisedByRule.put(rule, Counter.builder("backcare.alerts.raised")
                .description("Alerts raised by the rules").tag("rule", rule).tag("tier", tier.name()).register(metrics)));
        for (Tier tier : Tier.values()) {
            latencyByTier.put(tier.name(), Timer.builder("backcare.alert.latency")
                    .description("From the journal's commit of the entry to the commit of the alert it raised")
                    .tag("tier", tier.name())
                    .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(10))
                    .publishPercentileHistogram().register(metrics));
            escalatedByTier.put(tier.name(), Counter.builder("backcare.alerts.escalated")
                    .description("Alerts escalated for want of acknowledgement").tag("tier", tier.name()).register(metrics));
        }
        attemptsFailed = Counter.builder("backcare.webhook.attempts.failed")
                .description("Webhook calls that failed (each is retried until the last attempt)").register(metrics);
        deliveriesFailed = Counter.builder("backcare.webhook.deliveries.failed")
                .description("Webhook deliveries given up after the last attempt (left FAILED for replay)").register(metrics);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged change) {
        try (Scope trace = Traces.fromParent(change.traceParent()).makeCurrent()) {
            LOG.infof("Alert %s %s: rule=%s tier=%s clinic=%s patient=%s", change.alertId(), change.change(),
                    change.rule(), change.tier(), change.clinicId(), change.patientId());
        }
        if ("RAISED".equals(change.change())) {
            Counter raised = raisedByRule.get(change.rule());
            if (raised != null) {
                raised.increment();
            }
            if (change.causedAt() != null) {
                latencyByTier.get(change.tier()).record(Duration.between(change.causedAt(), Instant.now()));
            }
        } else if ("ESCALATED".equals(change.change())) {
            escalatedByTier.get(change.tier()).increment();
        }
    }

    /** A webhook call failed; {@code givenUp} when it was the last attempt. */
    public void webhookFailed(boolean givenUp) {
        attemptsFailed.increment();
        if (givenUp) {
            deliveriesFailed.increment();
        }
    }
}
