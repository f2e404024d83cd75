package com.backcare.catalog.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.catalog.domain.PatientSignals;
import com.backcare.commons.messaging.EventBatches;
import com.backcare.commons.messaging.IncomingEvents;
import com.backcare.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events and triage's patient-status events for the personal plan, a poll at a time
 * ({@link EventBatches}): poison to the channel's dead-letter topic byte for byte, the rest applied in one transaction,
 * passing database failures waited out.
 */
@Startup // its dead-letter count is exposed from start-up
@ApplicationScoped
public class PatientEventsConsumer {

    @Inject
    PatientSignals signals;
    @Inject
    @Channel("journal-dead-letters")
    Emitter<byte[]> journalDeadLetters;
    @Inject
    @Channel("patient-status-dead-letters")
    Emitter<byte[]> statusDeadLetters;

    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;

    private EventBatches journal;
    private EventBatches status;

    @PostConstruct
    void init() {
        journal = new EventBatches("journal events", Topics.JOURNAL_EVENTS, journalDeadLetters, metrics, tracer);
        status = new EventBatches("patient-status events", Topics.PATIENT_STATUS_EVENTS, statusDeadLetters, metrics, tracer);
    }

    @Incoming("journal-events")
    @Blocking
    public void journal(ConsumerRecords<String, byte[]> records) {
        journal.apply(records, this::checked, PatientSignals.CheckedEvent::id, signals::applyAll, signals::apply);
    }

    @Incoming("patient-status")
    @Blocking
    public void status(ConsumerRecords<String, byte[]> records) {
        status.apply(records, this::checked, PatientSignals.CheckedEvent::id, signals::applyAll, signals::apply);
    }

    private PatientSignals.CheckedEvent checked(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return signals.check(IncomingEvents.decode(record));
    }
}
