package com.backcare.triage.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A clinic's triage thresholds: the age over which a first episode needs review (triage-rules.md: 50, some pathways
 * use 55) and how long each tier may wait for an acknowledgement before it escalates.
 */
public record ClinicSettings(int ageThreshold, Duration acknowledgeEmergency, Duration acknowledgeUrgent,
        Duration acknowledgeSoon) {

    public static ClinicSettings defaults() {
        return new ClinicSettings(50, Tier.EMERGENCY.defaultAcknowledgeWithin().orElseThrow(),
                Tier.URGENT.defaultAcknowledgeWithin().orElseThrow(), Tier.SOON.defaultAcknowledgeWithin().orElseThrow());
    }

    /** How long an alert of this tier may stay unacknowledged; ADVISORY has no deadline. */
    public Optional<Duration> acknowledgeWithin(Tier tier) {
        return switch (tier) {
            case EMERGENCY -> Optional.of(acknowledgeEmergency);
            case URGENT -> Optional.of(acknowledgeUrgent);
            case SOON -> Optional.of(acknowledgeSoon);
            case ADVISORY -> Optional.empty();
        };
    }
}
