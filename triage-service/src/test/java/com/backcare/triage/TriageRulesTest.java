package com.backcare.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.backcare.events.ConcerningPain;
import com.backcare.events.EventJson;
import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.triage.domain.ClinicSettings;
import com.backcare.triage.domain.EntryContext;
import com.backcare.triage.domain.Finding;
import com.backcare.triage.domain.HistoryPoint;
import com.backcare.triage.domain.ListHistory;
import com.backcare.triage.domain.TriageRules;

/**
 * Every rule of shared/domain/triage-rules.md, each with the case that fires it and the nearest case that must not.
 * Entries are written as journal JSON; {@code earlier} entries carry their own day offsets.
 */
class TriageRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final String NONE = "{}";

    /** An entry recorded {@code days} after NOW's day zero (negative: before). */
    private static String at(double days, String fields) {
        Instant t = NOW.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
        return "{\"recordedAt\": \"" + t + "\", " + fields + "}";
    }

    private static String entry(String fields) {
        return at(0, fields);
    }

    private static Arguments c(String rule, String profile, String entry, String... earlier) {
        return Arguments.of(rule, profile, entry, List.of(earlier));
    }

    static List<String> fired(String profile, String entry, List<String> earlier, ClinicSettings settings) {
        List<HistoryPoint> history = new ArrayList<>();
        for (String e : earlier) {
            PainReport r = read(e, PainReport.class);
            history.add(new HistoryPoint(UUID.randomUUID(), r.recordedAt(), r.intensity(), ConcerningPain.exerciseConcern(r)));
        }
        PainReport report = read(entry, PainReport.class);
        EntryContext context = new EntryContext(UUID.randomUUID(), report, read(profile, PatientProfile.class), settings,
                new ListHistory(history));
        return TriageRules.evaluate(context).stream().map(Finding::rule).toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static Stream<Arguments> firing() {
        return Stream.of(
                c("CES_BLADDER", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]")),
                c("CES_BOWEL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"BOWEL_DYSFUNCTION\"}]")),
                c("CES_SADDLE", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"SADDLE_NUMBNESS\"}]")),
                c("CES_SEXUAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"SEXUAL_DYSFUNCTION\"}]")),
                c("CES_BILATERAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"BOTH\"}]")),
                c("CES_BILATERAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"WEAKNESS\", \"side\": \"BOTH\"}]")),
                c("NEURO_GAIT", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"GAIT_DISTURBANCE\"}, {\"code\": \"WEAKNESS\", \"side\": \"LEFT\"}]")),
                c("CORD_COMPRESSION_CANCER", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 3, \"associatedSymptoms\": [{\"code\": \"TINGLING\", \"side\": \"LEFT\"}]")),
                c("CORD_COMPRESSION_CANCER", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 3, \"associatedSymptoms\": [{\"code\": \"GAIT_DISTURBANCE\"}]")),
                c("NEURO_PROGRESSIVE", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"WEAKNESS\", \"side\": \"LEFT\", \"progressive\": true}]")),
                c("BILATERAL_TINGLING", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"TINGLING\", \"side\": \"BOTH\"}]")),
                c("INFECTION", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"FEVER\"}]")),
                c("INFECTION", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"CHILLS\"}]")),
                c("WEIGHT_LOSS", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"UNEXPLAINED_WEIGHT_LOSS\"}]")),
                c("MAJOR_TRAUMA", NONE, entry("\"intensity\": 4, \"trauma\": \"MAJOR\"")),
                c("FRAGILITY_FRACTURE", "{\"history\": [\"OSTEOPOROSIS\"]}", entry("\"intensity\": 4, \"trauma\": \"MINOR\"")),
                c("FRAGILITY_FRACTURE", "{\"history\": [\"LONG_TERM_STEROIDS\"]}", entry("\"intensity\": 4, \"trauma\": \"MINOR\"")),
                c("CANCER_HISTORY", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 4")),
                c("CANCER_HISTORY", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 6"), at(-1, "\"intensity\": 4")),
                c("SEVERE_SUDDEN", NONE, entry("\"intensity\": 8, \"onset\": \"SUDDEN\"")),
                c("RADICULAR", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}]")),
                c("RADICULAR", NONE, entry("\"intensity\": 4, \"qualities\": [\"ELECTRIC\"], \"locations\": [{\"site\": \"LEG_BELOW_KNEE\", \"side\": \"RIGHT\"}]")),
                c("NIGHT_PAIN", NONE, entry("\"intensity\": 4, \"timing\": [\"AT_NIGHT\"]")),
                c("UNRELIEVED", NONE, entry("\"intensity\": 6, \"relievingFactors\": [\"NOTHING_HELPS\"]")),
                c("AGE_NEW_ONSET", "{\"birthYear\": 1970, \"firstEpisode\": true}", entry("\"intensity\": 3")),
                c("RISK_HISTORY", "{\"history\": [\"IMMUNOSUPPRESSION\"]}", entry("\"intensity\": 3")),
                c("RISK_HISTORY", "{\"history\": [\"OSTEOPOROSIS\"]}", entry("\"intensity\": 5"), at(-2, "\"intensity\": 3")),
                c("EXERCISE_PAIN_CONCERNING", NONE, entry("\"intensity\": 3, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"SHARP\"]")),
                c("EXERCISE_PAIN_CONCERNING", NONE, entry("\"intensity\": 3, \"timing\": [\"IMMEDIATELY_AFTER_EXERCISE\"], \"qualities\": [\"ELECTRIC\"]")),
                c("EXERCISE_PAIN_MODERATE", NONE, entry("\"intensity\": 5, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"ACHING\"]")),
                c("PROGRESSIVE_WORSENING", NONE, at(3.5, "\"intensity\": 5"), at(0, "\"intensity\": 3"), at(2, "\"intensity\": 4")),
                c("PERSISTENT_PAIN", NONE, at(14, "\"intensity\": 4"), at(0, "\"intensity\": 4"), at(7, "\"intensity\": 5"),
                        at(10, "\"intensity\": 3")),
                c("SEVERE_RECURRING", NONE, at(5, "\"intensity\": 7"), at(0, "\"intensity\": 7"), at(2, "\"intensity\": 8")),
                c("EXERCISE_PAIN_PERSISTS", NONE, at(9, "\"intensity\": 3, \"qualities\": [\"SHARP\"]"),
                        at(0, "\"intensity\": 4, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"SHARP\"]")));
    }

    static Stream<Arguments> nearestMisses() {
        return Stream.of(
                c("CES_BLADDER", NONE, entry("\"intensity\": 9, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}]")),
                c("CES_BOWEL", NONE, entry("\"intensity\": 9, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]")),
                c("CES_SADDLE", NONE, entry("\"intensity\": 4, \"locations\": [{\"site\": \"GROIN\", \"side\": \"BOTH\"}], \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}]")),
                c("CES_SEXUAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"SADDLE_NUMBNESS\"}]")),
                c("CES_BILATERAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}, {\"code\": \"WEAKNESS\", \"side\": \"RIGHT\"}]")),
                c("CES_BILATERAL", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"TINGLING\", \"side\": \"BOTH\"}]")),
                c("NEURO_GAIT", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"GAIT_DISTURBANCE\"}, {\"code\": \"NUMBNESS\", \"side\": \"LEFT\"}]")),
                c("CORD_COMPRESSION_CANCER", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"FEVER\"}]")),
                c("CORD_COMPRESSION_CANCER", NONE, entry("\"intensity\": 3, \"associatedSymptoms\": [{\"code\": \"TINGLING\", \"side\": \"LEFT\"}]")),
                c("NEURO_PROGRESSIVE", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"WEAKNESS\", \"side\": \"LEFT\", \"progressive\": false}]")),
                c("NEURO_PROGRESSIVE", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"BOTH\", \"progressive\": true}]")),
                c("BILATERAL_TINGLING", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"TINGLING\", \"side\": \"LEFT\"}]")),
                c("INFECTION", NONE, entry("\"intensity\": 8, \"qualities\": [\"BURNING\"]")),
                c("WEIGHT_LOSS", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"FEVER\"}]")),
                c("MAJOR_TRAUMA", NONE, entry("\"intensity\": 7, \"trauma\": \"MINOR\"")),
                c("FRAGILITY_FRACTURE", NONE, entry("\"intensity\": 4, \"trauma\": \"MINOR\"")),
                c("FRAGILITY_FRACTURE", "{\"history\": [\"OSTEOPOROSIS\"]}", entry("\"intensity\": 4, \"trauma\": \"NONE\"")),
                c("CANCER_HISTORY", "{\"history\": [\"CANCER\"]}", entry("\"intensity\": 5"), at(-3, "\"intensity\": 4")),
                c("SEVERE_SUDDEN", NONE, entry("\"intensity\": 7, \"onset\": \"SUDDEN\"")),
                c("SEVERE_SUDDEN", NONE, entry("\"intensity\": 9, \"onset\": \"GRADUAL\"")),
                c("RADICULAR", NONE, entry("\"intensity\": 4, \"qualities\": [\"ELECTRIC\"], \"locations\": [{\"site\": \"LOWER_BACK\", \"side\": \"MIDLINE\"}]")),
                c("RADICULAR", NONE, entry("\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"NUMBNESS\", \"side\": \"LEFT\", \"progressive\": true}]")),
                c("NIGHT_PAIN", NONE, entry("\"intensity\": 6, \"timing\": [\"AT_REST\", \"ON_WAKING\"]")),
                c("UNRELIEVED", NONE, entry("\"intensity\": 5, \"relievingFactors\": [\"NOTHING_HELPS\"]")),
                c("AGE_NEW_ONSET", "{\"birthYear\": 1976, \"firstEpisode\": true}", entry("\"intensity\": 3")),
                c("AGE_NEW_ONSET", "{\"birthYear\": 1950, \"firstEpisode\": false}", entry("\"intensity\": 3")),
                c("RISK_HISTORY", "{\"history\": [\"OSTEOPOROSIS\"]}", entry("\"intensity\": 4"), at(-2, "\"intensity\": 3")),
                c("RISK_HISTORY", "{\"history\": [\"PRIOR_SPINE_SURGERY\"]}", entry("\"intensity\": 6")),
                c("EXERCISE_PAIN_CONCERNING", NONE, entry("\"intensity\": 6, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"ACHING\"]")),
                c("EXERCISE_PAIN_CONCERNING", NONE, entry("\"intensity\": 3, \"timing\": [\"HOURS_AFTER_EXERCISE\"], \"qualities\": [\"SHARP\"]")),
                c("EXERCISE_PAIN_MODERATE", NONE, entry("\"intensity\": 4, \"timing\": [\"DURING_EXERCISE\"]")),
                c("EXERCISE_PAIN_MODERATE", NONE, entry("\"intensity\": 6, \"timing\": [\"IMMEDIATELY_AFTER_EXERCISE\"]")),
                c("PROGRESSIVE_WORSENING", NONE, at(2, "\"intensity\": 5"), at(0, "\"intensity\": 3"), at(1, "\"intensity\": 4")),
                c("PROGRESSIVE_WORSENING", NONE, at(4, "\"intensity\": 5"), at(0, "\"intensity\": 3"), at(1, "\"intensity\": 6"),
                        at(2, "\"intensity\": 4")),
                c("PROGRESSIVE_WORSENING", NONE, at(3.5, "\"intensity\": 4"), at(0, "\"intensity\": 3"), at(2, "\"intensity\": 4")),
                c("PERSISTENT_PAIN", NONE, at(14, "\"intensity\": 5"), at(0, "\"intensity\": 4"), at(7, "\"intensity\": 2")),
                c("PERSISTENT_PAIN", NONE, at(13, "\"intensity\": 5"), at(0, "\"intensity\": 4"), at(7, "\"intensity\": 5")),
                c("SEVERE_RECURRING", NONE, at(1, "\"intensity\": 7"), at(0, "\"intensity\": 7"), at(0.3, "\"intensity\": 8")),
                c("SEVERE_RECURRING", NONE, at(8, "\"intensity\": 7"), at(0, "\"intensity\": 7"), at(3, "\"intensity\": 7")),
                c("EXERCISE_PAIN_PERSISTS", NONE, at(5, "\"intensity\": 3, \"qualities\": [\"SHARP\"]"),
                        at(0, "\"intensity\": 4, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"SHARP\"]")),
                c("EXERCISE_PAIN_PERSISTS", NONE, at(9, "\"intensity\": 3, \"qualities\": [\"ACHING\"]"),
                        at(0, "\"intensity\": 4, \"timing\": [\"DURING_EXERCISE\"], \"qualities\": [\"SHARP\"]")));
    }

    @ParameterizedTest(name = "{0} fires: {2}")
    @MethodSource("firing")
    void theRuleFires(String rule, String profile, String entry, List<String> earlier) {
        List<String> fired = fired(profile, entry, earlier, ClinicSettings.defaults());
        assertTrue(fired.contains(rule), rule + " should fire, fired " + fired);
    }

    @ParameterizedTest(name = "{0} stays quiet: {2}")
    @MethodSource("nearestMisses")
    void theNearestCaseDoesNotFireIt(String rule, String profile, String entry, List<String> earlier) {
        List<String> fired = fired(profile, entry, earlier, ClinicSettings.defaults());
        assertFalse(fired.contains(rule), rule + " must not fire, fired " + fired);
    }

    @Test
    void everyRuleOfTheDocumentHasAFiringCase() {
        List<String> covered = firing().map(a -> (String) a.get()[0]).distinct().sorted().toList();
        assertEquals(TriageRules.ruleIds().stream().sorted().toList(), covered);
    }

    @Test
    void normalDelayedSorenessRaisesNothing() {
        String soreness = entry("\"intensity\": 5, \"qualities\": [\"DULL\", \"ACHING\", \"STIFF\"], \"timing\": [\"HOURS_AFTER_EXERCISE\"]");
        assertEquals(List.of(), fired(NONE, soreness, List.of(at(-1, "\"intensity\": 4")), ClinicSettings.defaults()));
        assertEquals(List.of(), fired(NONE, soreness, List.of(), ClinicSettings.defaults()));
    }

    @Test
    void theAgeThresholdIsTheClinics() {
        String profile = "{\"birthYear\": 1973, \"firstEpisode\": true}"; // 53 in 2026
        String e = entry("\"intensity\": 3");
        assertTrue(fired(profile, e, List.of(), ClinicSettings.defaults()).contains("AGE_NEW_ONSET"));
        ClinicSettings at55 = new ClinicSettings(55, Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofDays(3));
        assertFalse(fired(profile, e, List.of(), at55).contains("AGE_NEW_ONSET"));
    }

    @Test
    void findingsComeMostUrgentFirst() {
        List<String> fired = fired(NONE, entry("\"intensity\": 8, \"onset\": \"SUDDEN\", \"timing\": [\"AT_NIGHT\"], "
                + "\"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]"), List.of(), ClinicSettings.defaults());
        assertEquals(List.of("CES_BLADDER", "SEVERE_SUDDEN", "NIGHT_PAIN"), fired);
    }
}
