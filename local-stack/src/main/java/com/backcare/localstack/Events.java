package com.backcare.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.Topics;

/** Publishes events to the test JVM's real broker exactly as the producing services do (the shared contract). */
public final class Events {

    private static KafkaProducer<String, String> producer;
    private static KafkaProducer<String, byte[]> rawProducer;

    private Events() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedTestStack.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** An event of the given type with {@code data}, as its producer would build it. */
    public static EventEnvelope event(EventType type, String clinic, String patient, Object data) {
        return EventEnvelope.of(type, "/test", clinic, patient, Instant.now(), EventJson.mapper().valueToTree(data));
    }

    public static EventEnvelope entryRecorded(String clinic, String patient, UUID entryId, PainReport report) {
        return event(EventType.ENTRY_RECORDED, clinic, patient, new EntryEventData(entryId.toString(), 1, report));
    }

    /** Publishes on the event type's topic, keyed by patient, and waits for the broker's acknowledgement. */
    public static void publish(EventEnvelope event) {
        String topic = java.util.Arrays.stream(EventType.values()).filter(event::is).findFirst()
                .map(EventType::topic).orElse(Topics.JOURNAL_EVENTS);
        send(topic, event.patientid(), json(event));
    }

    /** The event as its producer writes it. */
    public static String json(EventEnvelope event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends any bytes with any headers, as a broken or hostile producer might; waits for the acknowledgement. */
    public static void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        synchronized (Events.class) {
            if (rawProducer == null) {
                rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestStack.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(), new ByteArraySerializer());
            }
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            rawProducer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pain report from journal JSON. */
    public static PainReport report(String json) {
        try {
            return EventJson.mapper().readValue(json, PainReport.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
