package com.backcare.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every event on every topic: a CloudEvents 1.0 structured-mode JSON document. The extension attributes
 * {@code clinicid}, {@code patientid} and {@code schemaversion} let a consumer route, isolate tenants and
 * pick a decoder without opening {@code data}. The Kafka record key is always the patient id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String clinicid,
        String patientid,
        Integer schemaversion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** The Kafka {@code content-type} header of CloudEvents' structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static EventEnvelope of(EventType type, String source, String clinicId, String patientId, Instant time,
            JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(), patientId, time,
                "application/json", type.dataSchema(), clinicId, patientId, type.schemaVersion(), data);
    }

    /** Reads an envelope, or fails with an IllegalArgumentException that says why the record is not one. */
    public static EventEnvelope decode(String json) {
        if (json == null) {
            throw new IllegalArgumentException("empty record");
        }
        EventEnvelope event;
        try {
            event = EventJson.mapper().readValue(json, EventEnvelope.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        }
        String defect = event.defect();
        if (defect != null) {
            throw new IllegalArgumentException("invalid envelope: " + defect);
        }
        return event;
    }

    /** The reasons this envelope cannot be processed, or null when it is well formed. */
    public String defect() {
        if (!SPEC_VERSION.equals(specversion)) {
            return "specversion must be " + SPEC_VERSION;
        }
        if (id == null || id.isBlank()) {
            return "id is missing";
        }
        if (source == null || source.isBlank()) {
            return "source is missing";
        }
        if (type == null || type.isBlank()) {
            return "type is missing";
        }
        if (clinicid == null || clinicid.isBlank() || patientid == null || patientid.isBlank()) {
            return "clinicid and patientid are required";
        }
        if (time == null) {
            return "time is missing";
        }
        if (schemaversion == null) {
            return "schemaversion is missing";
        }
        if (data == null || data.isNull()) {
            return "data is missing";
        }
        return null;
    }

    public boolean is(EventType eventType) {
        return Objects.equals(type, eventType.type()) && Objects.equals(schemaversion, eventType.schemaVersion());
    }
}
