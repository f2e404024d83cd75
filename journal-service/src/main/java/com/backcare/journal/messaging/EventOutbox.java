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
 * Puts events into the outbox inside the caller's transaction, so a change and its event commit together or not
 * at all. Publishing is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
public class EventOutbox {

    static final String SOURCE = "/backcare/journal-service";

    private final ObjectMapper json = EventJson.mapper();
    @Inject
    Event<OutboxAppended> appended;

    /** An event ready for the outbox table: its id, topic, key and serialized envelope. */
    public record OutboxMessage(UUID eventId, String topic, String key, String payload) {
    }

    public OutboxMessage prepare(EventType type, String clinicId, String patientId, Instant time, Object data) {
        EventEnvelope envelope = EventEnvelope.of(type, SOURCE, clinicId, patientId, time, json.valueToTree(data));
        try {
            return new OutboxMessage(UUID.fromString(envelope.id()), type.topic(), patientId,
                    json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(EventType type, String clinicId, String patientId, Instant time, Object data) {
        OutboxMessage message = prepare(type, clinicId, patientId, time, data);
        OutboxEventEntity row = new OutboxEventEntity();
        row.eventId = message.eventId();
        row.topic = message.topic();
        row.messageKey = message.key();
        row.payload = message.payload();
        row.createdAt = time;
        row.persist();
        appendedInThisTransaction();
    }

    /** Wakes the relay once this transaction commits; call it after writing outbox rows by other means. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendedInThisTransaction() {
        appended.fire(new OutboxAppended());
    }

    /** Fired on append; observed after commit to wake the relay at once. */
    public record OutboxAppended() {
    }
}
