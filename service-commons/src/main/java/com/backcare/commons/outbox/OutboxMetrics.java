package com.backcare.commons.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.backcare.commons.persistence.NativeSql;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox's backlog as gauges an on-call team alerts on: how many events wait ({@code backcare_outbox_backlog_events},
 * counted up to {@link #COUNT_CAP} so that a scrape costs the same however large the backlog grows) and how long the
 * oldest has waited ({@code backcare_outbox_oldest_age_seconds}). Sampled on a thread of its own, so neither a scrape
 * nor a relay stuck on an absent broker waits for the other.
 */
@ApplicationScoped
@IfBuildProperty(name = "backcare.outbox.enabled", stringValue = "true")
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    static final int COUNT_CAP = 1_000_000;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private ScheduledExecutorService sampler;

    void start(@Observes StartupEvent event) {
        Gauge.builder("backcare.outbox.backlog.events", backlog, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka (counted up to " + COUNT_CAP + ")")
                .register(metrics);
        Gauge.builder("backcare.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest event in the outbox has waited for Kafka").register(metrics);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-metrics");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    void sample() {
        try {
            QuarkusTransaction.requiringNew().timeout(10).run(() -> {
                long count = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM outbox_event LIMIT " + COUNT_CAP + ") pending")
                        .getSingleResult()).longValue();
                List<Object> oldest = em.createNativeQuery("SELECT created_at FROM outbox_event ORDER BY id LIMIT 1")
                        .getResultList();
                backlog.set(count);
                oldestAgeSeconds.set(oldest.isEmpty() ? 0
                        : Math.max(0, Duration.between(NativeSql.instant(oldest.get(0)), Instant.now()).toSeconds()));
            });
        } catch (RuntimeException e) {
            // the database is away: keep the last sample; readiness and the database's own alerts say why
            LOG.debugf("Could not sample the outbox backlog: %s", e.getMessage());
        }
    }

}
