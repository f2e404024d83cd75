package com.backcare.triage.domain;

import java.time.Instant;
import java.util.UUID;

import com.backcare.events.PainReport;

/** One live entry of a patient's history, as the rules see it. */
public record HistoryEntry(UUID id, Instant recordedAt, PainReport report) {

    public int intensity() {
        return report.intensity();
    }
}
