package com.backcare.triage.domain;

import static com.backcare.events.vocabulary.BodySite.FOOT;
import static com.backcare.events.vocabulary.BodySite.LEG_ABOVE_KNEE;
import static com.backcare.events.vocabulary.BodySite.LEG_BELOW_KNEE;
import static com.backcare.events.vocabulary.PainQuality.BURNING;
import static com.backcare.events.vocabulary.PainQuality.ELECTRIC;
import static com.backcare.events.vocabulary.PainQuality.SHARP;
import static com.backcare.events.vocabulary.PainQuality.STABBING;
import static com.backcare.events.vocabulary.PainQuality.TINGLING;
import static com.backcare.events.vocabulary.PainTiming.AT_NIGHT;
import static com.backcare.events.vocabulary.PainTiming.DURING_EXERCISE;
import static com.backcare.events.vocabulary.PainTiming.IMMEDIATELY_AFTER_EXERCISE;
import static com.backcare.events.vocabulary.RelievingFactor.NOTHING_HELPS;
import static com.backcare.events.vocabulary.RiskHistory.CANCER;
import static com.backcare.events.vocabulary.RiskHistory.IMMUNOSUPPRESSION;
import static com.backcare.events.vocabulary.RiskHistory.IV_DRUG_USE;
import static com.backcare.events.vocabulary.RiskHistory.LONG_TERM_STEROIDS;
import static com.backcare.events.vocabulary.RiskHistory.OSTEOPOROSIS;
import static com.backcare.events.vocabulary.RiskHistory.RECENT_INFECTION;
import static com.backcare.events.vocabulary.SymptomCode.BLADDER_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.BOWEL_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.CHILLS;
import static com.backcare.events.vocabulary.SymptomCode.FEVER;
import static com.backcare.events.vocabulary.SymptomCode.GAIT_DISTURBANCE;
import static com.backcare.events.vocabulary.SymptomCode.NUMBNESS;
import static com.backcare.events.vocabulary.SymptomCode.SADDLE_NUMBNESS;
import static com.backcare.events.vocabulary.SymptomCode.SEXUAL_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.UNEXPLAINED_WEIGHT_LOSS;
import static com.backcare.events.vocabulary.SymptomCode.WEAKNESS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.backcare.events.vocabulary.LegSide;
import com.backcare.events.vocabulary.Onset;
import com.backcare.events.vocabulary.PainQuality;
import com.backcare.events.vocabulary.Trauma;

/**
 * The rule set, to be read side by side with shared/domain/triage-rules.md: each rule keeps the document's id,
 * tier and condition, in that order. Every alert records {@link #VERSION}; change it whenever a rule changes.
 */
public final class TriageRules {

    public static final String VERSION = "2026.11-2";

    private static final String GO_TO_EMERGENCY = "Go to an emergency department now, or call emergency services. "
            + "Do not wait for a call back from your clinic.";
    private static final String CLINIC_CALLS_TODAY = "Your clinic will call you today. If you get worse before then, "
            + "or new numbness, weakness, or bladder or bowel problems appear, go to an emergency department.";
    private static final String BOOK_REVIEW = "Book a review with your clinician within the next 7 days. Keep moving "
            + "gently as far as the pain allows.";
    private static final String CHANGE_EXERCISE = "Stop or scale down the exercise that hurts; choose a gentler "
            + "version and keep your workload pain-free. Your clinician will look at it at your next review.";

    static final Set<PainQuality> CONCERNING_QUALITIES = com.backcare.events.ConcerningPain.QUALITY_SET;

    /** Single-entry rules (with the profile), in the document's order. */
    static final List<EntryRule> ENTRY_RULES = List.of(
            // Cauda equina compression (seed 000: bladder or bowel dysfunction is an emergency; NICE NG59's pathway).
            new EntryRule("CES_BLADDER", Tier.EMERGENCY, c -> c.has(BLADDER_DYSFUNCTION),
                    "New bladder dysfunction reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_BOWEL", Tier.EMERGENCY, c -> c.has(BOWEL_DYSFUNCTION),
                    "Loss of bowel control reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_SADDLE", Tier.EMERGENCY, c -> c.has(SADDLE_NUMBNESS),
                    "Numbness in the saddle area (groin, buttocks, inner thighs): possible cauda equina syndrome.",
                    GO_TO_EMERGENCY),
            new EntryRule("CES_SEXUAL", Tier.EMERGENCY, c -> c.has(SEXUAL_DYSFUNCTION),
                    "New sexual dysfunction reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_BILATERAL", Tier.EMERGENCY,
                    c -> c.hasOnSide(NUMBNESS, LegSide.BOTH) || c.hasOnSide(WEAKNESS, LegSide.BOTH),
                    "Numbness or weakness in both legs: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("NEURO_GAIT", Tier.EMERGENCY, c -> c.has(GAIT_DISTURBANCE) && c.has(WEAKNESS),
                    "Difficulty walking together with leg weakness: a spreading neurological deficit.", GO_TO_EMERGENCY),
            new EntryRule("CORD_COMPRESSION_CANCER", Tier.EMERGENCY,
                    c -> c.profile().has(CANCER) && (c.hasLegSymptom() || c.has(GAIT_DISTURBANCE)),
                    "Leg symptoms or difficulty walking in a patient with a history of cancer: possible spinal cord "
                            + "compression.", GO_TO_EMERGENCY),
            // URGENT: a clinician calls the same day (seeds 000, 002, 004).
            new EntryRule("NEURO_PROGRESSIVE", Tier.URGENT, EntryContext::hasProgressiveLegSymptom,
                    "Leg numbness, tingling or weakness that the patient says is getting worse.", CLINIC_CALLS_TODAY),
            new EntryRule("BILATERAL_TINGLING", Tier.URGENT,
                    c -> c.hasOnSide(com.backcare.events.vocabulary.SymptomCode.TINGLING, LegSide.BOTH),
                    "Tingling in both legs.", CLINIC_CALLS_TODAY),
            new EntryRule("INFECTION", Tier.URGENT, c -> c.has(FEVER) || c.has(CHILLS),
                    "Fever or chills with back pain: possible spinal infection.", CLINIC_CALLS_TODAY),
            new EntryRule("WEIGHT_LOSS", Tier.URGENT, c -> c.has(UNEXPLAINED_WEIGHT_LOSS),
                    "Unexplained weight loss with back pain.", CLINIC_CALLS_TODAY),
            new EntryRule("MAJOR_TRAUMA", Tier.URGENT, c -> c.entry().trauma() == Trauma.MAJOR,
                    "Back pain after major trauma (a car accident, a fall from height, a heavy blow): possible fracture.",
                    CLINIC_CALLS_TODAY),
            new EntryRule("FRAGILITY_FRACTURE", Tier.URGENT,
                    c -> c.entry().trauma() == Trauma.MINOR
                            && (c.profile().has(OSTEOPOROSIS) || c.profile().has(LONG_TERM_STEROIDS)),
                    "Back pain after minor trauma with osteoporosis or long-term steroids: possible fragility fracture.",
                    CLINIC_CALLS_TODAY),
            new EntryRule("CANCER_HISTORY", Tier.URGENT, c -> c.profile().has(CANCER) && c.isNewOrWorsening(),
                    "New or worsening back pain in a patient with a history of cancer.", CLINIC_CALLS_TODAY),
            new EntryRule("SEVERE_SUDDEN", Tier.URGENT,
                    c -> c.entry().onset() == Onset.SUDDEN && c.entry().intensity() >= 8,
                    "Sudden onset of severe pain (8 or more out of 10).", CLINIC_CALLS_TODAY),
            // SOON: a clinician review within 7 days.
            new EntryRule("RADICULAR", Tier.SOON,
                    c -> c.hasOneSidedSteadyLegSymptom() || c.hasQualityAtLegSite(Set.of(ELECTRIC, BURNING, TINGLING),
                            Set.of(LEG_ABOVE_KNEE, LEG_BELOW_KNEE, FOOT)),
                    "Nerve-root symptoms down one leg (seed 004: radiculopathy).", BOOK_REVIEW),
            new EntryRule("NIGHT_PAIN", Tier.SOON, c -> c.entry().timing().contains(AT_NIGHT),
                    "Pain that wakes the patient at night.", BOOK_REVIEW),
            new EntryRule("UNRELIEVED", Tier.SOON,
                    c -> c.entry().relievingFactors().contains(NOTHING_HELPS) && c.entry().intensity() >= 6,
                    "Pain of 6 or more that nothing relieves.", BOOK_REVIEW),
            new EntryRule("AGE_NEW_ONSET", Tier.SOON,
                    c -> Boolean.TRUE.equals(c.profile().firstEpisode()) && c.ageInEntryYear() != null
                            && c.ageInEntryYear() > c.settings().ageThreshold(),
                    "A first-ever episode of back pain past the clinic's age threshold.", BOOK_REVIEW),
            new EntryRule("RISK_HISTORY", Tier.SOON,
                    c -> (c.profile().has(OSTEOPOROSIS) || c.profile().has(LONG_TERM_STEROIDS)
                            || c.profile().has(IMMUNOSUPPRESSION) || c.profile().has(IV_DRUG_USE)
                            || c.profile().has(RECENT_INFECTION)) && c.isNewOrWorsening(),
                    "New or worsening back pain with a risk factor in the history (osteoporosis, steroids, "
                            + "immunosuppression, IV drug use or a recent infection).", BOOK_REVIEW),
            // ADVISORY: a change of exercise.
            new EntryRule("EXERCISE_PAIN_CONCERNING", Tier.ADVISORY, EntryContext::isConcerningExercisePain,
                    "Sharp, stabbing, burning, tingling or electric pain during or right after exercise.", CHANGE_EXERCISE),
            new EntryRule("EXERCISE_PAIN_MODERATE", Tier.ADVISORY,
                    c -> c.entry().timing().contains(DURING_EXERCISE) && c.entry().intensity() >= 5,
                    "Pain of 5 or more during exercise.", CHANGE_EXERCISE));

    /** Rules over the patient's history up to and including the entry, by recordedAt. */
    static final List<HistoryRule> HISTORY_RULES = List.of(
            new HistoryRule("PROGRESSIVE_WORSENING", Tier.SOON, HistoryPatterns::progressiveWorsening,
                    "Pain rising steadily over at least three days in the last two weeks.", BOOK_REVIEW),
            new HistoryRule("PERSISTENT_PAIN", Tier.SOON, HistoryPatterns::persistentPain,
                    "Pain of 4 or more for at least 14 days without easing (seed 002: see a doctor if it lasts).",
                    BOOK_REVIEW),
            new HistoryRule("SEVERE_RECURRING", Tier.SOON, HistoryPatterns::severeRecurring,
                    "Pain of 7 or more on at least 3 different days within a week.", BOOK_REVIEW),
            new HistoryRule("EXERCISE_PAIN_PERSISTS", Tier.SOON, HistoryPatterns::exercisePainPersists,
                    "Concerning pain first felt with exercise over a week ago is still there: soreness clears in "
                            + "3-5 days, this has not.", BOOK_REVIEW));

    private TriageRules() {
    }

    /** Every rule that fires for this entry, most urgent first, each with the entries that are its evidence. */
    public static List<Finding> evaluate(EntryContext context) {
        List<Finding> findings = new ArrayList<>();
        for (EntryRule rule : ENTRY_RULES) {
            if (rule.firesWhen().test(context)) {
                findings.add(rule.finding(List.of(context.entryId())));
            }
        }
        // NEURO_PROGRESSIVE is URGENT only when the entry is not already an emergency.
        if (findings.stream().anyMatch(f -> f.tier() == Tier.EMERGENCY)) {
            findings.removeIf(f -> f.rule().equals("NEURO_PROGRESSIVE"));
        }
        for (HistoryRule rule : HISTORY_RULES) {
            List<java.util.UUID> evidence = rule.evidence().apply(context);
            if (!evidence.isEmpty()) {
                findings.add(rule.finding(evidence));
            }
        }
        findings.sort(Comparator.comparingInt(f -> f.tier().rank()));
        return findings;
    }

    /** Every rule's tier, by rule id, in the document's order. */
    public static Map<String, Tier> tiers() {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        ENTRY_RULES.forEach(r -> tiers.put(r.id(), r.tier()));
        HISTORY_RULES.forEach(r -> tiers.put(r.id(), r.tier()));
        return tiers;
    }

    public static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        ENTRY_RULES.forEach(r -> ids.add(r.id()));
        HISTORY_RULES.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
