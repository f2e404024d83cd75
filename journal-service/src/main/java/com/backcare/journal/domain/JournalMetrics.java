package com.backcare.journal.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Entries recorded ({@code backcare_entries_recorded_total}), counted once committed and registered at start-up at
 * zero, so a rate rule sees the series before the first entry. Idempotent replays are not counted.
 */
@ApplicationScoped
public class JournalMetrics {

    @Inject
    MeterRegistry metrics;

    private Counter entriesRecorded;

    void register(@Observes StartupEvent event) {
        entriesRecorded = Counter.builder("backcare.entries.recorded").description("Pain journal entries recorded")
                .register(metrics);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalService.EntryRecorded recorded) {
        entriesRecorded.increment();
    }
}
