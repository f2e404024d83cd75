package com.backcare.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.backcare.commons.persistence.JdbcStatement;
import com.backcare.commons.persistence.PerTransaction;
import com.backcare.commons.tracing.Traces;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Puts events into the service's {@code outbox_event} table inside the caller's transaction, so a change and its
 * event commit together or not at all. Publishing is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
@IfBuildProperty(name = "backcare.outbox.enabled", stringValue = "true")
public class EventOutbox {

    private static final JdbcStatement APPEND = JdbcStatement.of("INSERT INTO outbox_event (event_id, topic, message_key, "
            + "payload, created_at, trace_parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

    @Inject
    EntityManager em;
    @Inject
    Event<OutboxAppended> appended;
    @Inject
    PerTransaction transaction;

    /**
     * An event ready for the outbox table: its id, topic, key and serialized envelope, and the trace it was made in
     * (a W3C traceparent, or null), which the relay publishes it in.
     */
    public record OutboxMessage(UUID eventId, String topic, String key, String payload, String traceParent) {
    }

    public OutboxMessage prepare(String source, EventType type, String clinicId, String patientId, Instant time,
            Object data) {
        EventEnvelope envelope = EventEnvelope.of(type, source, clinicId, patientId, time,
                EventJson.mapper().valueToTree(data));
        try {
            return new OutboxMessage(UUID.fromString(envelope.id()), type.topic(), patientId,
                    EventJson.mapper().writeValueAsString(envelope), Traces.currentParent());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }

    /** Appends the event; returns it, so that other deliveries (webhooks) can carry the very same document. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage append(String source, EventType type, String clinicId, String patientId, Instant time,
            Object data) {
        OutboxMessage message = prepare(source, type, clinicId, patientId, time, data);
        APPEND.update(em, message.eventId(), message.topic(), message.key(), message.payload(), time,
                message.traceParent());
        appendedInThisTransaction();
        return message;
    }

    /** Wakes the relay once this transaction commits; call it after writing outbox rows by other means. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendedInThisTransaction() {
        // One wake-up a transaction: the relay then sends every row it committed. Each fire would register one more
        // synchronization with the transaction, and a poll's transaction appends many rows.
        if (transaction.firstTime(OutboxAppended.class)) {
            appended.fire(new OutboxAppended());
        }
    }

    /** Fired on append; observed after commit to wake the relay at once. */
    public record OutboxAppended() {
    }
}
