package com.backcare.triage.domain;

import java.time.Duration;
import java.util.Optional;

/** How urgently a finding needs a clinician (triage-rules.md, Tiers), most urgent first. */
public enum Tier {
    /** The patient is told at once to go to an emergency department. */
    EMERGENCY(Duration.ofMinutes(15)),
    /** A clinician contacts the patient the same day. */
    URGENT(Duration.ofHours(4)),
    /** A clinician reviews within 7 days; the patient is told to book. */
    SOON(Duration.ofDays(3)),
    /** A change to the patient's exercise, seen at the next review. */
    ADVISORY(null);

    private final Duration defaultAcknowledgeWithin;

    Tier(Duration defaultAcknowledgeWithin) {
        this.defaultAcknowledgeWithin = defaultAcknowledgeWithin;
    }

    /** 0 for the most urgent tier; lists sort by it. */
    public int rank() {
        return ordinal();
    }

    public Optional<Duration> defaultAcknowledgeWithin() {
        return Optional.ofNullable(defaultAcknowledgeWithin);
    }
}
