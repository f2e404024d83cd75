package com.backcare.triage.domain;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import com.backcare.events.ConcerningPain;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.vocabulary.BodySite;
import com.backcare.events.vocabulary.LegSide;
import com.backcare.events.vocabulary.PainQuality;
import com.backcare.events.vocabulary.SymptomCode;

/**
 * What the rules look at for one entry: the entry, the patient's profile, the clinic's thresholds, and the patient's
 * other live entries through {@link PatientHistory} (the rules ask only about entries before this one, by recordedAt,
 * whatever order they arrived in).
 */
public record EntryContext(UUID entryId, PainReport entry, PatientProfile profile, ClinicSettings settings,
        PatientHistory history) {

    /** "New or worsening" looks back this far for an earlier entry (triage-rules.md). */
    static final Duration NEW_PAIN_LOOKBACK = Duration.ofDays(30);
    /** How far back any rule looks: beyond every window of triage-rules.md. */
    public static final Duration HORIZON = Duration.ofDays(90);

    /** This entry's place in the timeline. */
    public HistoryPoint point() {
        return new HistoryPoint(entryId, entry.recordedAt(), entry.intensity(), ConcerningPain.exerciseConcern(entry));
    }

    /** The bound before which no rule looks. */
    HistoryPoint horizon() {
        return HistoryPoint.before(entry.recordedAt().minus(HORIZON));
    }

    public boolean has(SymptomCode code) {
        return entry.hasSymptom(code);
    }

    public boolean hasOnSide(SymptomCode code, LegSide side) {
        return entry.associatedSymptoms().stream().anyMatch(s -> s.code() == code && s.side() == side);
    }

    /** NUMBNESS, TINGLING or WEAKNESS. */
    public boolean hasLegSymptom() {
        return entry.associatedSymptoms().stream().anyMatch(s -> s.code().isLegSymptom());
    }

    public boolean hasProgressiveLegSymptom() {
        return entry.associatedSymptoms().stream().anyMatch(s -> s.code().isLegSymptom() && s.isProgressive());
    }

    /** A leg symptom that is not in both legs and not getting worse (RADICULAR's first half). */
    public boolean hasOneSidedSteadyLegSymptom() {
        return entry.associatedSymptoms().stream()
                .anyMatch(s -> s.code().isLegSymptom() && s.side() != LegSide.BOTH && !s.isProgressive());
    }

    public boolean hasQualityAtLegSite(Set<PainQuality> qualities, Set<BodySite> sites) {
        return entry.qualities().stream().anyMatch(qualities::contains)
                && entry.locations().stream().anyMatch(l -> sites.contains(l.site()));
    }

    /** EXERCISE_PAIN_CONCERNING: during or right after exercise, with a sharp, stabbing, burning, tingling or electric quality. */
    public boolean isConcerningExercisePain() {
        return ConcerningPain.isConcerningExercisePain(entry);
    }

    /** No earlier entry in the 30 days before this one, or at least 2 points above the previous entry. */
    public boolean isNewOrWorsening() {
        return history.latest(HistoryPoint.before(entry.recordedAt().minus(NEW_PAIN_LOOKBACK)), point())
                .map(previous -> entry.intensity() >= previous.intensity() + 2).orElse(true);
    }

    /** The patient's age in the year the entry was recorded, when the birth year is known. */
    public Integer ageInEntryYear() {
        if (profile.birthYear() == null) {
            return null;
        }
        return entry.recordedAt().atZone(ZoneOffset.UTC).getYear() - profile.birthYear();
    }
}
