package com.backcare.events;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of entry events. Recorded and corrected carry the whole report at that revision; deleted
 * carries none. A consumer keeps the highest revision it has seen, so a late older revision changes nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryEventData(String entryId, int revision, @Valid PainReport entry) {
}
