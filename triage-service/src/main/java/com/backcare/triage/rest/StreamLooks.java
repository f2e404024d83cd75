package com.backcare.triage.rest;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * When an open stream looks at what it shows: once as soon as it listens for wake-ups (a change may have committed
 * after the stream read its starting point and before it listened), then the moment a change it concerns commits (a
 * wake-up), and at each keep-alive tick. Each look is {@code true} when it is a keep-alive tick, so a look that finds
 * nothing new sends a keep-alive comment then and only then. Looks run on a worker thread, one at a time (they read the database); while
 * they lag, the waiting looks are folded into the latest, never dropped all: the next look reads everything since the
 * last, so a change is never left unshown until the next tick.
 */
final class StreamLooks {

    private StreamLooks() {
    }

    static Multi<Boolean> of(Duration keepAlive, Multi<Instant> wakeups) {
        return Multi.createBy().merging().streams( // subscribed in this order
                wakeups.map(wakeup -> false),
                Multi.createFrom().item(false),
                Multi.createFrom().ticks().every(keepAlive).map(tick -> true))
                .onOverflow().dropPreviousItems()
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
