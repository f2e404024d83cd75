package com.backcare.events;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.backcare.events.vocabulary.RiskHistory;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The risk profile the triage rules need beyond one entry (journal-vocabulary.md): kept by the journal,
 * carried by profile events to triage and the catalog.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientProfile(
        @Min(1900) @Max(9999) Integer birthYear,
        Boolean firstEpisode,
        @Size(max = 7) List<@NotNull RiskHistory> history,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 64) String> conditions) {

    public PatientProfile {
        history = history == null ? List.of() : List.copyOf(history);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static PatientProfile empty() {
        return new PatientProfile(null, null, List.of(), List.of());
    }

    public boolean has(RiskHistory item) {
        return history.contains(item);
    }
}
