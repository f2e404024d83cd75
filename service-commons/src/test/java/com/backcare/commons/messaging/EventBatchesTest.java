package com.backcare.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.InvalidEventException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;

/** How a poll's records are applied, without Kafka or a database: what is dead-lettered and what is left alone. */
class EventBatchesTest {

    /** Keeps what would go to the dead-letter topic, and acknowledges it at once. */
    private static final class DeadLetters implements Emitter<byte[]> {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public CompletionStage<Void> send(byte[] payload) {
            sent.add(payload);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            sent.add(message.getPayload());
            message.ack();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    private final DeadLetters deadLetters = new DeadLetters();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final EventBatches batches = new EventBatches("test events", "test.events", deadLetters, metrics,
            OpenTelemetry.noop().getTracer("test"));

    @AfterEach
    void running() {
        ApplicationStopping.set(false);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String patient) {
        EventEnvelope event = EventEnvelope.of(EventType.ENTRY_RECORDED, "/test", "clinic", patient, Instant.now(),
                EventJson.mapper().createObjectNode());
        try {
            return new ConsumerRecord<>("topic", 0, offset, patient,
                    EventJson.mapper().writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void poisonIsDeadLetteredAndTheRestAppliedTogether() {
        List<List<EventEnvelope>> applied = new ArrayList<>();
        var poison = new ConsumerRecord<>("topic", 0, 1L, "pat-2", "not json".getBytes(StandardCharsets.UTF_8));
        batches.apply(List.of(record(0, "pat-1"), poison, record(2, "pat-3")), IncomingEvents::decode, applied::add,
                one -> applied.add(List.of(one)));
        assertEquals(1, applied.size(), "one batch");
        assertEquals(List.of("pat-1", "pat-3"), applied.get(0).stream().map(EventEnvelope::patientid).toList());
        assertEquals(1, deadLetters.sent.size());
        assertEquals(1, metrics.counter("backcare.events.dead.lettered", "topic", "test.events").count(), "counted");
    }

    @Test
    void anEventFailingInTheBatchIsDeadLetteredAloneAfterItsRetries() {
        List<String> applied = new ArrayList<>();
        batches.apply(List.of(record(0, "pat-1"), record(1, "pat-bad")), IncomingEvents::decode, all -> {
            throw new IllegalStateException("one of them is bad");
        }, one -> {
            if (one.patientid().equals("pat-bad")) {
                throw new InvalidEventException("bad");
            }
            applied.add(one.patientid());
        });
        assertEquals(List.of("pat-1"), applied);
        assertEquals(1, deadLetters.sent.size());
    }

    @Test
    void whileTheApplicationStopsAFailingBatchIsLeftForTheNextStartNotDeadLettered() {
        ApplicationStopping.set(true);
        assertThrows(IllegalStateException.class, () -> batches.apply(List.of(record(0, "pat-1")), IncomingEvents::decode,
                all -> {
                    throw new IllegalStateException("EntityManagerFactory is closed");
                }, one -> {
                    throw new IllegalStateException("EntityManagerFactory is closed");
                }));
        assertEquals(0, deadLetters.sent.size(), "a good event is never dead-lettered for a shutdown");
        assertEquals(0, metrics.counter("backcare.events.dead.lettered", "topic", "test.events").count());
    }

    @Test
    void aFloodingKeysRecordsComeAfterEveryOtherKeysAndEachKeyKeepsItsOrder() {
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < 30; i++) {
            poll.add(record(offset++, "flooder"));
            if (i % 10 == 3) {
                poll.add(record(offset++, "red-flag-" + i));
                poll.add(record(offset++, "steady"));
            }
        }

        List<List<ConsumerRecord<String, byte[]>>> parts = EventBatches.fewPerKeyFirst(poll, 10);

        assertEquals(List.of("red-flag-3", "steady", "red-flag-13", "steady", "red-flag-23", "steady"),
                parts.get(0).stream().map(ConsumerRecord::key).toList());
        assertEquals(30, parts.get(1).size());
        assertEquals(java.util.Set.of("flooder"), parts.get(1).stream().map(ConsumerRecord::key).collect(
                java.util.stream.Collectors.toSet()));
        for (List<ConsumerRecord<String, byte[]>> part : parts) {
            java.util.Map<String, Long> lastOffset = new java.util.HashMap<>();
            for (ConsumerRecord<String, byte[]> record : part) {
                Long before = lastOffset.put(record.key(), record.offset());
                assertEquals(true, before == null || before < record.offset(), "each key's records in their order");
            }
        }
        assertEquals(List.of(poll, List.of()), EventBatches.fewPerKeyFirst(poll, 100), "nobody floods: one part");
    }
}
