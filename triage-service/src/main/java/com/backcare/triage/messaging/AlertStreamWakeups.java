package com.backcare.triage.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Wakes a clinic's open alert streams the moment one of its alert changes commits in this instance, so a new alert
 * reaches the clinicians' screens without waiting for the streams' next poll. Changes committed by another instance
 * still arrive with that poll.
 */
@ApplicationScoped
public class AlertStreamWakeups {

    private final Map<String, BroadcastProcessor<Instant>> byClinic = new ConcurrentHashMap<>();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChangeRecorder.AlertChanged change) {
        BroadcastProcessor<Instant> clinic = byClinic.get(change.clinicId());
        if (clinic != null) {
            clinic.onNext(Instant.now());
        }
    }

    /** A signal each time one of the clinic's alert changes commits here; a slow reader misses signals, not changes. */
    public Multi<Instant> of(String clinicId) {
        return byClinic.computeIfAbsent(clinicId, c -> BroadcastProcessor.create()).onOverflow().drop();
    }
}
