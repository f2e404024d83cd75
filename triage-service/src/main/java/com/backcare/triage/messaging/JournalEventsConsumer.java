package com.backcare.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.commons.messaging.IncomingEvents;
import com.backcare.commons.persistence.PassingFailures;
import com.backcare.events.EventEnvelope;
import com.backcare.triage.domain.TriageService;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events. A passing failure (the database restarting) is waited out in place, which keeps the
 * patient's order and never dead-letters a good event; an event that can never be applied is nacked and goes to the
 * dead-letter topic with its original bytes and headers.
 */
@ApplicationScoped
public class JournalEventsConsumer {

    @Inject
    TriageService triage;

    @Incoming("journal-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = IncomingEvents.decode(record);
        PassingFailures.retry("journal event " + event.id(), () -> triage.apply(event));
    }
}
