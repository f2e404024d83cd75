package com.backcare.triage.messaging;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.events.EventEnvelope;
import com.backcare.triage.domain.InvalidEventException;
import com.backcare.triage.domain.TriageService;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events. A passing failure (the database restarting) is retried in place, which keeps the
 * patient's order; an event that can never be applied is nacked and goes to the dead-letter topic.
 */
@ApplicationScoped
public class JournalEventsConsumer {

    @Inject
    TriageService triage;

    @Incoming("journal-events")
    @Blocking
    @Retry(maxRetries = 10, delay = 500, maxDuration = 60_000, abortOn = InvalidEventException.class)
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event = decode(record.value());
        if (!Objects.equals(record.key(), event.patientid())) {
            throw new InvalidEventException("record key " + record.key() + " is not the event's patientid");
        }
        triage.apply(event);
    }

    private static EventEnvelope decode(String value) {
        try {
            return EventEnvelope.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
