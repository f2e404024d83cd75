package com.backcare.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of an alert change: what happened ({@code change}), who did it and why, and the alert as it
 * stands after the change. Tiers are EMERGENCY, URGENT, SOON, ADVISORY; statuses OPEN, ACKNOWLEDGED, RESOLVED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertEventData(
        String change,
        String actor,
        String note,
        String alertId,
        String rule,
        String tier,
        String status,
        String reason,
        String advice,
        List<String> evidence,
        int occurrences,
        int escalationLevel,
        boolean evidenceWithdrawn,
        String ruleSetVersion,
        Instant createdAt,
        Instant updatedAt) {

    /** The changes an alert goes through. */
    public static final List<String> CHANGES = List.of("RAISED", "EVIDENCE_ADDED", "EVIDENCE_WITHDRAWN", "ACKNOWLEDGED",
            "ESCALATED", "RESOLVED");
}
