package com.backcare.triage.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.backcare.commons.persistence.PatientKey;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Wakes the open streams an alert change concerns, the moment any instance commits it ({@link AlertChangeNotices}):
 * the clinic's alert streams and the patient's own status streams, so a new alert reaches the screens without the
 * streams polling. A change wakes only the streams of its clinic and of its patient, so its cost does not grow with
 * the number of patients watching, and a stream costs nothing while nothing changes; a signal source lives while
 * someone listens.
 */
@ApplicationScoped
public class AlertStreamWakeups {

    private final Map<Object, Signals> listened = new ConcurrentHashMap<>();
    private volatile BooleanSupplier hearing = () -> false;

    private record Signals(BroadcastProcessor<Instant> processor, AtomicInteger listeners) {
    }

    /** Wakes the streams of the clinic and of the patient whose alert changed. */
    void changed(String clinicId, String patientId) {
        Instant now = Instant.now();
        wake(clinicId, now);
        wake(new PatientKey(clinicId, patientId), now);
    }

    /** Says, when asked, whether this instance hears every change as it commits (see {@link #hearsEveryChange}). */
    void hearing(BooleanSupplier hearing) {
        this.hearing = hearing;
    }

    /**
     * Whether every change is heard now as it commits: then a stream that was not woken has nothing new to show. While
     * not, streams look for themselves at their keep-alive ticks, and once hearing again every stream is woken.
     */
    public boolean hearsEveryChange() {
        return hearing.getAsBoolean();
    }

    /** Wakes every open stream: after a time in which changes may have gone unannounced. */
    void wakeAll() {
        Instant now = Instant.now();
        listened.values().forEach(signals -> signals.processor().onNext(now));
    }

    /** A signal each time one of the clinic's alert changes is heard; a slow reader misses signals, not changes. */
    public Multi<Instant> ofClinic(String clinicId) {
        return signals(clinicId);
    }

    /** A signal each time one of the patient's alert changes is heard. */
    public Multi<Instant> ofPatient(String clinicId, String patientId) {
        return signals(new PatientKey(clinicId, patientId));
    }

    /** The clinics and patients listened to now: a source goes when its last stream closes. */
    int sources() {
        return listened.size();
    }

    private void wake(Object key, Instant at) {
        Signals signals = listened.get(key);
        if (signals != null) {
            signals.processor().onNext(at);
        }
    }

    private Multi<Instant> signals(Object key) {
        return Multi.createFrom().deferred(() -> {
            Signals signals = listened.compute(key, (k, current) -> {
                Signals kept = current != null ? current : new Signals(BroadcastProcessor.create(), new AtomicInteger());
                kept.listeners().incrementAndGet();
                return kept;
            });
            return signals.processor().onOverflow().drop().onTermination().invoke(() -> listened.computeIfPresent(key,
                    (k, current) -> current.listeners().decrementAndGet() <= 0 ? null : current));
        });
    }
}
