package com.backcare.commons.tracing;

import java.util.Map;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The trace of each event in the batch this thread is applying, by event id. A batch mixes events of many traces, so no
 * one context can be current for all of it; the code that applies one patient's events makes that patient's current
 * ({@link #of}), and whatever it publishes then continues the trace of the write that caused it.
 */
public final class EventTraces {

    private static final ThreadLocal<Map<String, Context>> APPLYING = new ThreadLocal<>();

    private EventTraces() {
    }

    /** While a batch is applied: closing it forgets the batch's traces. */
    public interface Applying extends AutoCloseable {
        @Override
        void close();
    }

    /** Makes these traces known to this thread until the returned scope closes. */
    public static Applying applying(Map<String, Context> byEventId) {
        APPLYING.set(byEventId);
        return APPLYING::remove;
    }

    /** The trace of the event being applied, or null when it came without one. */
    public static Context of(String eventId) {
        Map<String, Context> traces = APPLYING.get();
        return traces == null ? null : traces.get(eventId);
    }

    /** Runs the work in the event's trace (or as it is, when the event has none). */
    public static void within(String eventId, Runnable work) {
        Context context = of(eventId);
        if (context == null) {
            work.run();
            return;
        }
        try (Scope scope = context.makeCurrent()) {
            work.run();
        }
    }
}
