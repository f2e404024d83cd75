package com.backcare.triage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;

/** Publishes journal events to the real broker exactly as journal-service does (the shared contract). */
final class JournalEvents {

    private static KafkaProducer<String, String> producer;

    private JournalEvents() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedTestStack.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static EventEnvelope entryRecorded(String clinic, String patient, UUID entryId, PainReport report) {
        return EventEnvelope.of(EventType.ENTRY_RECORDED, "/test", clinic, patient, Instant.now(),
                EventJson.mapper().valueToTree(new EntryEventData(entryId.toString(), 1, report)));
    }

    static void publish(EventEnvelope event) {
        try {
            send(event.patientid(), EventJson.mapper().writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(Topics.JOURNAL_EVENTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PainReport report(String json) {
        try {
            return EventJson.mapper().readValue(json, PainReport.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
