package com.backcare.catalog.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Today's session for one patient: warm-up, main part and cool-down within the minutes asked for, each exercise
 * with its dose and one line on why it was chosen; {@code advice} and {@code notes} say what shaped the plan, and
 * {@code startBackRiskGroup} which STarT Back risk group it was built for (absent before the first screening).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExercisePlan(String patientId, int requestedMinutes, int plannedMinutes, String triageTier,
        java.time.Instant triageStatusAsOf, List<String> conditions, String advice, List<Item> warmUp, List<Item> main, List<Item> coolDown,
        List<String> notes, String startBackRiskGroup) {

    /** One exercise of the session. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String slug, String name, int minutes, ExerciseContent.Dosage dosage, String why) {
    }
}
