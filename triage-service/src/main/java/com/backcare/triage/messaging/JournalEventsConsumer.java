package com.backcare.triage.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.backcare.commons.messaging.IncomingEvents;
import com.backcare.commons.persistence.PassingFailures;
import com.backcare.events.EventEnvelope;
import com.backcare.events.InvalidEventException;
import com.backcare.triage.domain.TriageService;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Reads the journal's events a poll at a time. Each record is decoded and checked first; one that can never be
 * applied goes to the dead-letter topic with its original bytes and headers, and the rest are applied together in one
 * transaction (one re-evaluation per patient). A passing failure (the database restarting) is waited out in place,
 * which keeps each patient's order and never dead-letters a good event. If the batch fails otherwise, its events are
 * applied one by one, so one bad event is dead-lettered alone and none is lost or applied twice (event ids dedupe).
 */
@ApplicationScoped
public class JournalEventsConsumer {

    private static final Logger LOG = Logger.getLogger(JournalEventsConsumer.class);

    @Inject
    TriageService triage;
    @Inject
    @Channel("journal-dead-letters")
    Emitter<byte[]> deadLetters;

    private record Checked(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
    }

    @Incoming("journal-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<Checked> good = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope event = IncomingEvents.decode(record);
                triage.check(event);
                good.add(new Checked(record, event));
            } catch (InvalidEventException e) {
                deadLetter(record, e);
            }
        }
        if (good.isEmpty()) {
            return;
        }
        try {
            PassingFailures.retry("a batch of " + good.size() + " journal events",
                    () -> triage.applyAll(good.stream().map(Checked::event).toList()));
        } catch (RuntimeException e) {
            LOG.warnf("A batch of %d journal events failed (%s); applying them one by one", good.size(), e);
            for (Checked one : good) {
                try {
                    PassingFailures.retry("journal event " + one.event().id(), () -> triage.apply(one.event()));
                } catch (RuntimeException failure) {
                    deadLetter(one.record(), failure);
                }
            }
        }
    }

    /** Sends the record to the dead-letter topic as it came, with why, and waits until Kafka has it. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        PassingFailures.retry("dead letter " + record.offset(), () -> {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            Message<byte[]> message = Message.of(record.value() == null ? new byte[0] : record.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())
                    .withAck(() -> {
                        sent.complete(null);
                        return CompletableFuture.completedFuture(null);
                    }).withNack(failure -> {
                        sent.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            deadLetters.send(message);
            try {
                sent.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new IllegalStateException(new java.sql.SQLTransientException("dead-letter topic unreachable", e));
            }
        });
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
