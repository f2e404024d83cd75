package com.backcare.triage.domain;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A rule over the patient's history up to and including an entry: it answers with the entries that make the
 * pattern (its evidence), or an empty list when the pattern is not there.
 */
public record HistoryRule(String id, Tier tier, Function<EntryContext, List<UUID>> evidence, String reason,
        String advice) {

    public Finding finding(List<UUID> entries) {
        return new Finding(id, tier, reason, advice, entries);
    }
}
