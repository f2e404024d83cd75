package com.backcare.triage.domain;

import java.time.Instant;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventType;
import com.backcare.events.ProfileEventData;

/**
 * A journal event whose data has been decoded and checked against the contract once, before it is applied: the entry
 * of an entry event, the profile of a profile event, neither for a type triage does not read.
 */
public record JournalEvent(EventEnvelope envelope, EntryEventData entry, ProfileEventData profile) {

    public String id() {
        return envelope.id();
    }

    public boolean is(EventType type) {
        return envelope.is(type);
    }

    public Instant time() {
        return envelope.time();
    }
}
