package com.backcare.journal.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.journal.persistence.OutboxEventEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends an event to the outbox inside the caller's transaction, so the change and its event commit together
 * or not at all. Publishing is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
public class EventOutbox {

    static final String SOURCE = "/backcare/journal-service";

    private final ObjectMapper json = EventJson.mapper();
    @Inject
    Event<OutboxAppended> appended;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(EventType type, String clinicId, String patientId, Instant time, Object data) {
        EventEnvelope envelope = EventEnvelope.of(type, SOURCE, clinicId, patientId, time, json.valueToTree(data));
        OutboxEventEntity row = new OutboxEventEntity();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = type.topic();
        row.messageKey = patientId;
        row.createdAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
        row.persist();
        appended.fire(new OutboxAppended());
        return envelope;
    }

    /** Fired on append; observed after commit to wake the relay at once. */
    public record OutboxAppended() {
    }
}
