package com.backcare.triage.domain;

import java.util.List;
import java.util.UUID;

/**
 * A rule that fired on an entry: which, how urgent, why (for the clinician), what the patient should do, and the
 * entries that are its evidence (the entry itself, and for history rules the entries that make the pattern).
 */
public record Finding(String rule, Tier tier, String reason, String advice, List<UUID> evidence) {
}
