package com.backcare.triage.domain;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A rule on one entry with the patient's profile: an id and tier from triage-rules.md, the condition, and the words
 * shown to the clinician (reason) and to the patient (advice).
 */
public record EntryRule(String id, Tier tier, Predicate<EntryContext> firesWhen, String reason, String advice) {

    public Finding finding(List<UUID> evidence) {
        return new Finding(id, tier, reason, advice, evidence);
    }
}
