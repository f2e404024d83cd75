package com.backcare.commons.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.backcare.events.EventEnvelope;
import com.backcare.events.InvalidEventException;

/**
 * Turns a consumed record into an event, or says why it never can be. Channels read the raw bytes (the connector's
 * own CloudEvents decoding is off), so a broken record reaches this method and the dead-letter topic, byte for byte,
 * instead of stopping the channel before any code of ours runs.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /** The record's envelope, keyed by its patient; an {@link InvalidEventException} when it is not one. */
    public static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new InvalidEventException("empty record");
        }
        EventEnvelope event;
        try {
            event = EventEnvelope.decode(utf8(record.value()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        if (!Objects.equals(record.key(), event.patientid())) {
            throw new InvalidEventException("record key " + record.key() + " is not the event's patientid");
        }
        return event;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("not UTF-8 text", e);
        }
    }
}
