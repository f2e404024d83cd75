package com.backcare.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.backcare.events.vocabulary.BodySite;
import com.backcare.events.vocabulary.LegSide;
import com.backcare.events.vocabulary.MedicationEffect;
import com.backcare.events.vocabulary.Onset;
import com.backcare.events.vocabulary.PainQuality;
import com.backcare.events.vocabulary.PainTiming;
import com.backcare.events.vocabulary.RelievingFactor;
import com.backcare.events.vocabulary.SelfTest;
import com.backcare.events.vocabulary.SelfTestResult;
import com.backcare.events.vocabulary.Side;
import com.backcare.events.vocabulary.SymptomCode;
import com.backcare.events.vocabulary.Trauma;
import com.backcare.events.vocabulary.Treatment;
import com.backcare.events.vocabulary.Trigger;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a patient reports in one pain journal entry (journal-vocabulary.md, from seed 002's checklist).
 * The journal API accepts it, the journal stores it, and entry events carry it unchanged to triage.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PainReport(
        Instant recordedAt,
        @NotNull @Min(0) @Max(10) Integer intensity,
        @Size(max = 10) List<@NotNull @Valid Location> locations,
        @Size(max = 10) List<@NotNull PainQuality> qualities,
        Onset onset,
        @Size(max = 8) List<@NotNull PainTiming> timing,
        @Size(max = 10) List<@NotNull Trigger> triggers,
        @Size(max = 9) List<@NotNull RelievingFactor> relievingFactors,
        @Size(max = 11) List<@NotNull @Valid AssociatedSymptom> associatedSymptoms,
        Trauma trauma,
        @Size(max = 20) List<@NotNull @Valid ExerciseLog> exercises,
        @Size(max = 20) List<@NotNull @Valid Medication> medications,
        @Size(max = 9) List<@NotNull Treatment> treatments,
        @Size(max = 10) Map<@NotNull SelfTest, @NotNull SelfTestResult> selfTests,
        @Size(max = 2000) String notes) {

    public PainReport {
        // Kept to the microsecond, the precision PostgreSQL stores: the time compared in memory is then the time
        // stored, and finer digits (which it would round either way) cannot move an entry across a window's edge.
        recordedAt = recordedAt == null ? null : recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        locations = copy(locations);
        qualities = copy(qualities);
        timing = copy(timing);
        triggers = copy(triggers);
        relievingFactors = copy(relievingFactors);
        associatedSymptoms = copy(associatedSymptoms);
        exercises = copy(exercises);
        medications = copy(medications);
        treatments = copy(treatments);
        selfTests = selfTests == null ? Map.of() : Map.copyOf(selfTests);
    }

    /** The same report felt at another time; the journal fills in a missing {@code recordedAt}. */
    public PainReport withRecordedAt(Instant at) {
        return new PainReport(at, intensity, locations, qualities, onset, timing, triggers, relievingFactors,
                associatedSymptoms, trauma, exercises, medications, treatments, selfTests, notes);
    }

    public boolean hasSymptom(SymptomCode code) {
        return associatedSymptoms.stream().anyMatch(s -> s.code() == code);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Where the pain is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(@NotNull BodySite site, Side side) {
    }

    /** A symptom beside the pain; {@code side} applies to the leg symptoms, {@code progressive} when it is getting worse. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssociatedSymptom(@NotNull SymptomCode code, LegSide side, Boolean progressive) {

        public boolean isProgressive() {
            return Boolean.TRUE.equals(progressive);
        }
    }

    /** An exercise done before or around the pain; {@code exercise} is a catalog slug or free text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseLog(
            @NotBlank @Size(max = 100) String exercise,
            @Min(0) @Max(600) Integer durationMinutes,
            @Min(1) @Max(10) Integer effort,
            @Min(0) @Max(100) Integer sets,
            @Min(0) @Max(1000) Integer reps,
            @DecimalMin("0") @DecimalMax("500") Double loadKg,
            @Size(max = 100) String equipment) {
    }

    /** A medication taken for the pain and how much it helped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Medication(@NotBlank @Size(max = 100) String name, @Size(max = 100) String dose, MedicationEffect effect) {
    }
}
