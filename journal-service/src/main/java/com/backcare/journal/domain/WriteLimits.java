package com.backcare.journal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.problem.Problem;
import com.backcare.journal.JournalConfig;
import com.backcare.journal.persistence.WriteRates;


/**
 * Per-patient and per-clinic write limits, in fixed one-hour windows counted in the database (so they hold across
 * instances). Past a limit the write is refused with a 429 and Retry-After until the window ends; nothing is stored.
 */
@ApplicationScoped
public class WriteLimits {

    static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    WriteRates rates;
    @Inject
    JournalConfig config;

    Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> forgotUpTo = new AtomicReference<>();
    /** The scopes this instance knows to be over their limit, with the window they are over it in. */
    private final Map<String, Instant> refusedIn = new ConcurrentHashMap<>();

    /**
     * Counts one write by this patient of this clinic, or refuses it when a limit is reached. Once the database has
     * said a scope is over its limit, this instance refuses that scope from memory until the window ends: a client
     * hammering past its limit costs a map lookup per request, not a database round trip.
     */
    public void admit(String clinicId, String patientId) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        long retryAfter = Math.max(1, Duration.between(now, window.plus(WINDOW)).toSeconds());
        String clinicScope = "clinic:" + clinicId;
        String patientScope = "patient:" + clinicId + "/" + patientId;
        var limits = config.writeLimits();
        int perPatient = limits.patientPerHour().getOrDefault(clinicId, limits.perPatientPerHour());
        int perClinic = limits.clinicPerHour().getOrDefault(clinicId, limits.perClinicPerHour());
        forgetOldWindows(window);
        if (window.equals(refusedIn.get(patientScope))) {
            throw patientLimit(patientId, perPatient, retryAfter);
        }
        if (window.equals(refusedIn.get(clinicScope))) {
            throw clinicLimit(perClinic, retryAfter);
        }
        Map<String, Integer> counts = rates.count(List.of(clinicScope, patientScope), window);
        if (counts.getOrDefault(patientScope, 0) > perPatient) {
            refusedIn.put(patientScope, window);
            throw patientLimit(patientId, perPatient, retryAfter);
        }
        if (counts.getOrDefault(clinicScope, 0) > perClinic) {
            refusedIn.put(clinicScope, window);
            throw clinicLimit(perClinic, retryAfter);
        }
    }

    private static ApiProblem patientLimit(String patientId, int limit, long retryAfter) {
        return tooMany("patient " + patientId + " has made " + limit + " writes this hour, the most allowed", retryAfter);
    }

    private static ApiProblem clinicLimit(int limit, long retryAfter) {
        return tooMany("your clinic has made " + limit + " writes this hour, the most allowed", retryAfter);
    }

    private static ApiProblem tooMany(String detail, long retryAfterSeconds) {
        return new ApiProblem(Problem.of("too-many-writes", "Too Many Requests", 429,
                detail + "; retry after " + retryAfterSeconds + " s").withRetryAfter(retryAfterSeconds));
    }

    /** Once per window and instance, the windows before the last one are forgotten. */
    private void forgetOldWindows(Instant window) {
        Instant last = forgotUpTo.get();
        if ((last == null || last.isBefore(window)) && forgotUpTo.compareAndSet(last, window)) {
            refusedIn.values().removeIf(w -> w.isBefore(window));
            rates.forget(window.minus(WINDOW));
        }
    }
}
