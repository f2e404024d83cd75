package com.backcare.triage.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.backcare.triage.messaging.AlertStreamWakeups;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * When an open stream looks at what it shows: once as soon as it listens for wake-ups (a change may have committed
 * after the stream read its starting point and before it listened), then the moment a change it concerns commits (a
 * wake-up). At each keep-alive tick it sends a comment, and looks only if this instance may have missed a change (it
 * is not hearing every change now). Looks run on a worker thread, one at a time (they read the database); while they
 * lag, the waiting looks are folded into the latest, never dropped all: a look reads everything since the last, so a
 * change is never left unshown until the next tick.
 */
final class StreamLooks {

    private StreamLooks() {
    }

    /**
     * The stream's events after its first: what {@code look} finds new at each look, and keep-alive comments.
     *
     * @param wakeupsOfStream the wake-ups of this stream's clinic or patient
     * @param look what is new since the last look, as events; empty when nothing is
     */
    static Multi<OutboundSseEvent> events(Duration keepAlive, AlertStreamWakeups wakeups, Multi<Instant> wakeupsOfStream,
            Sse sse, Supplier<List<OutboundSseEvent>> look) {
        return Multi.createBy().merging().streams( // subscribed in this order
                wakeupsOfStream.map(wakeup -> false),
                Multi.createFrom().item(false),
                Multi.createFrom().ticks().every(keepAlive).map(tick -> true))
                .onOverflow().dropPreviousItems()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(keepAliveDue -> {
                    List<OutboundSseEvent> events = keepAliveDue && wakeups.hearsEveryChange() ? List.of() : look.get();
                    return events.isEmpty() && keepAliveDue ? List.of(sse.newEventBuilder().comment("keep-alive").build())
                            : events;
                });
    }
}
