package com.backcare.journal.rest;

import java.time.Instant;
import java.util.UUID;

import com.backcare.events.PainReport;
import com.backcare.journal.persistence.PainEntryEntity;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A stored entry: its identity and history, then the report's fields. */
public record EntryResponse(UUID id, String patientId, int revision, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, @JsonUnwrapped PainReport report) {

    static EntryResponse of(PainEntryEntity e) {
        return new EntryResponse(e.id, e.patientId, e.revision, e.createdAt, e.createdBy, e.updatedAt, e.updatedBy,
                e.report);
    }
}
