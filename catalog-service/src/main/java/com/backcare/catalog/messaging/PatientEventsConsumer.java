package com.backcare.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.catalog.domain.PatientSignals;
import com.backcare.events.EventEnvelope;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events and triage's patient-status events for the personal plan. An event that cannot be
 * decoded goes to the channel's dead-letter topic; a passing failure is retried in place.
 */
@ApplicationScoped
public class PatientEventsConsumer {

    @Inject
    PatientSignals signals;

    @Incoming("journal-events")
    @Blocking
    @Retry(maxRetries = 10, delay = 500, maxDuration = 60_000, abortOn = IllegalArgumentException.class)
    public void journal(ConsumerRecord<String, String> record) {
        signals.apply(EventEnvelope.decode(record.value()));
    }

    @Incoming("patient-status")
    @Blocking
    @Retry(maxRetries = 10, delay = 500, maxDuration = 60_000, abortOn = IllegalArgumentException.class)
    public void status(ConsumerRecord<String, String> record) {
        signals.apply(EventEnvelope.decode(record.value()));
    }
}
