package com.backcare.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.backcare.commons.persistence.PassingFailures;
import com.backcare.commons.tracing.EventTraces;
import com.backcare.commons.tracing.Traces;
import com.backcare.events.EventEnvelope;
import com.backcare.events.InvalidEventException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Applies a poll's worth of events at a time, the way every consumer here does. Each record is decoded and checked
 * first; one that can never be applied goes to the dead-letter topic with its original bytes and headers, and the rest
 * are applied together (one transaction). A passing failure (the database restarting) is waited out in place, which
 * keeps each patient's order and never dead-letters a good event. If the batch fails otherwise, its events are applied
 * one by one, so one bad event is dead-lettered alone and none is lost or applied twice (event ids dedupe). While the
 * application stops, a failure is passed up instead: the events stay uncommitted for the next start.
 */
public final class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    private final String what;
    private final Emitter<byte[]> deadLetters;
    private final Counter deadLettered;
    private final Tracer tracer;

    /**
     * @param topic the topic consumed, which tags the dead-letter count ({@code backcare_events_dead_lettered_total})
     * @param deadLetters an emitter on the channel's dead-letter topic (raw bytes, string keys)
     * @param tracer makes each applied event a consumer span in the trace its record carries
     */
    public EventBatches(String what, String topic, Emitter<byte[]> deadLetters, MeterRegistry metrics, Tracer tracer) {
        this.what = what;
        this.deadLetters = deadLetters;
        this.tracer = tracer;
        this.deadLettered = Counter.builder("backcare.events.dead.lettered").tag("topic", topic)
                .description("Events sent to the dead-letter topic: never applicable, or failing every retry")
                .register(metrics);
    }

    /**
     * A poll's records in two parts, applied one after the other: the keys with at most {@code many} records in the poll,
     * then the keys with more (a flood). Each key's records stay together and in order; only keys trade places, and
     * they are independent. So a flooding patient's bulk, applied last, no longer holds other patients' events (a
     * red flag among them) until it is applied too. Either part may be empty.
     */
    public static List<List<ConsumerRecord<String, byte[]>>> fewPerKeyFirst(Iterable<ConsumerRecord<String, byte[]>> records,
            int many) {
        Map<String, Integer> perKey = new HashMap<>();
        records.forEach(record -> perKey.merge(String.valueOf(record.key()), 1, Integer::sum));
        List<ConsumerRecord<String, byte[]>> few = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> flood = new ArrayList<>();
        records.forEach(record -> (perKey.get(String.valueOf(record.key())) > many ? flood : few).add(record));
        return List.of(few, flood);
    }

    /** Applies envelopes, checked by {@code check}. */
    public void apply(Iterable<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, EventEnvelope> check, Consumer<List<EventEnvelope>> applyAll,
            Consumer<EventEnvelope> applyOne) {
        apply(records, check, EventEnvelope::id, applyAll, applyOne);
    }

    /**
     * @param check decodes and validates a record, throwing {@link InvalidEventException} for one never applicable;
     *        what it returns (the event with its data decoded, say) is what is applied, so nothing is decoded twice
     * @param idOf the event id of a checked event
     * @param applyAll applies checked events together, in their order
     * @param applyOne applies one event on its own
     */
    public <E> void apply(Iterable<ConsumerRecord<String, byte[]>> records, Function<ConsumerRecord<String, byte[]>, E> check,
            Function<E, String> idOf, Consumer<List<E>> applyAll, Consumer<E> applyOne) {
        List<ConsumerRecord<String, byte[]>> good = new ArrayList<>();
        List<E> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(check.apply(record));
                good.add(record);
            } catch (InvalidEventException e) {
                deadLetter(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // Each event is a consumer span in the trace of the write that made it, for as long as its batch is applied.
        Map<String, Context> traces = new HashMap<>();
        List<Span> spans = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, byte[]> record = good.get(i);
            Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                    .setParent(Traces.fromHeaders(record.headers()))
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .setAttribute("messaging.message.id", idOf.apply(events.get(i))).startSpan();
            spans.add(span);
            traces.put(idOf.apply(events.get(i)), Context.root().with(span));
        }
        try (EventTraces.Applying applying = EventTraces.applying(traces)) {
            applyChecked(events, good, idOf, applyAll, applyOne);
        } catch (RuntimeException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private <E> void applyChecked(List<E> events, List<ConsumerRecord<String, byte[]>> good, Function<E, String> idOf,
            Consumer<List<E>> applyAll, Consumer<E> applyOne) {
        try {
            PassingFailures.retry("a batch of " + events.size() + " " + what, () -> applyAll.accept(events));
        } catch (RuntimeException e) {
            if (ApplicationStopping.now()) {
                throw e; // the events are fine; the next start applies them again
            }
            LOG.warnf("A batch of %d %s failed (%s); applying them one by one", events.size(), what, e);
            for (int i = 0; i < events.size(); i++) {
                E event = events.get(i);
                try {
                    PassingFailures.retry(what + " " + idOf.apply(event), () -> applyOne.accept(event));
                } catch (RuntimeException failure) {
                    if (ApplicationStopping.now()) {
                        throw failure;
                    }
                    deadLetter(good.get(i), failure);
                }
            }
        }
    }

    /** Sends the record to the dead-letter topic as it came, with why, and waits until Kafka has it. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable reason) {
        try (Scope trace = Traces.fromHeaders(record.headers()).makeCurrent()) { // the line carries the record's trace
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        }
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
            } catch (CompletionException e) {
                // a broker that is away is a passing failure: wait for it, never drop the dead letter
                throw new IllegalStateException(new java.sql.SQLTransientException("dead-letter topic unreachable", e));
            }
        });
        deadLettered.increment();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
