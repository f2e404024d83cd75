package com.backcare.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.catalog.domain.PatientSignals;
import com.backcare.commons.messaging.IncomingEvents;
import com.backcare.commons.persistence.PassingFailures;
import com.backcare.events.EventEnvelope;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events and triage's patient-status events for the personal plan. An event that cannot be
 * decoded or breaks the contract goes to the channel's dead-letter topic, byte for byte; a passing failure (the
 * database restarting) is waited out in place.
 */
@ApplicationScoped
public class PatientEventsConsumer {

    @Inject
    PatientSignals signals;

    @Incoming("journal-events")
    @Blocking
    public void journal(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    @Incoming("patient-status")
    @Blocking
    public void status(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = IncomingEvents.decode(record);
        PassingFailures.retry(record.topic() + " event " + event.id(), () -> signals.apply(event));
    }
}
