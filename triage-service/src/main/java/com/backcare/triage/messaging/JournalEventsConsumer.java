package com.backcare.triage.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.backcare.commons.messaging.EventBatches;
import com.backcare.commons.messaging.IncomingEvents;
import com.backcare.events.Topics;
import com.backcare.triage.domain.JournalEvent;
import com.backcare.triage.domain.TriageService;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the journal's events a poll at a time ({@link EventBatches}): poison to the dead-letter topic byte for byte,
 * the rest applied in one transaction with one re-evaluation per patient (a flooding patient's in a second one, after
 * the others'), passing database failures waited out.
 */
@Startup // its dead-letter count is exposed from start-up
@ApplicationScoped
public class JournalEventsConsumer {

    @Inject
    TriageService triage;
    @Inject
    @Channel("journal-dead-letters")
    Emitter<byte[]> deadLetters;

    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;

    private EventBatches batches;

    @PostConstruct
    void init() {
        batches = new EventBatches("journal events", Topics.JOURNAL_EVENTS, deadLetters, metrics, tracer);
    }

    /** More events than this of one patient in one poll is a flood: applied after everyone else's. */
    static final int FLOOD = 10;

    @Incoming("journal-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        // Two transactions when one patient floods: the others' events (a red flag among them) commit without waiting for
        // the flood's bulk. A crash between them re-delivers the poll, and the event ids dedupe what was applied.
        for (var part : EventBatches.fewPerKeyFirst(records, FLOOD)) {
            if (!part.isEmpty()) {
                batches.apply(part, record -> triage.check(IncomingEvents.decode(record)), JournalEvent::id,
                        triage::applyAll, triage::apply);
            }
        }
    }
}
