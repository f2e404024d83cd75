package com.backcare.triage.domain;

/** A rule that fired on an entry: which, how urgent, why (for the clinician) and what the patient should do. */
public record Finding(String rule, Tier tier, String reason, String advice) {
}
