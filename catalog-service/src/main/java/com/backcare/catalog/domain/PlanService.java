package com.backcare.catalog.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.catalog.persistence.PatientEntryDigestEntity;
import com.backcare.catalog.persistence.PatientStateEntity;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;

/**
 * Builds today's session (seed 002's dose and progression guidance; seeds 003 and 004 for flares):
 * <ul>
 * <li>EMERGENCY or URGENT triage status: no exercise, only the advice to seek care;</li>
 * <li>SOON, or pain of 7 or more in the last three days: gentle work only (lying or seated, no or low load);</li>
 * <li>never an exercise to AVOID for a diagnosed condition, nor one to avoid in a flare, nor one the patient logged
 * in the 48 hours before concerning pain in the last two weeks;</li>
 * <li>the 10% rule: this week's logged exercise time plus today's session stays within 110% of last week's;</li>
 * <li>about a fifth of the time to warm up and a fifth to cool down, as the seed's 10-minute warm-up and cool-down.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanService {

    static final Duration CONCERN_WINDOW = Duration.ofHours(48);
    static final Duration LOOKBACK = Duration.ofDays(14);
    static final int MINIMUM_SESSION = 10;
    private static final List<String> WARM_UP_FIRST = List.of("walking", "arm-circles", "leg-swings", "cat-cow", "bird-dog");
    private static final List<String> COOL_DOWN_FIRST = List.of("walking", "hamstring-stretch", "quadriceps-stretch",
            "chest-stretch", "childs-pose");

    @Inject
    Caller caller;
    @Inject
    ClinicCatalog catalog;
    @Inject
    GlobalCatalog global;

    Clock clock = Clock.systemUTC();

    @Transactional
    public ExercisePlan plan(String patientId, int minutes) {
        caller.requireAccessToPatient(patientId);
        String clinicId = caller.clinicId();
        PatientStateEntity state = PatientStateEntity.findById(new PatientKey(clinicId, patientId));
        Instant now = clock.instant();
        List<PatientEntryDigestEntity> recent = PatientEntryDigestEntity.since(clinicId, patientId, now.minus(LOOKBACK));
        if (caller.isStaff() && state == null && recent.isEmpty()) {
            throw ApiProblem.notFound("no patient " + patientId + " in your clinic");
        }
        String tier = state == null ? "NONE" : state.triageTier;
        List<String> conditions = state == null ? List.of()
                : state.conditions.stream().filter(c -> global.condition(c) != null).toList();
        List<String> notes = new ArrayList<>();
        if (state != null && conditions.size() < state.conditions.size()) {
            notes.add("Some diagnosed conditions are not in the catalog and could not be taken into account.");
        }
        if (tier.equals("EMERGENCY") || tier.equals("URGENT")) {
            List<String> advice = state.triageAdvice.isEmpty()
                    ? List.of("Contact your clinic or an emergency department before exercising.") : state.triageAdvice;
            return new ExercisePlan(patientId, minutes, 0, tier, state.statusTime, conditions,
                    "No exercise today: your last journal entry needs medical attention first. " + String.join(" ", advice),
                    List.of(), List.of(), List.of(), notes, state.startBackRisk);
        }

        Integer recentPain = recent.stream().filter(d -> d.recordedAt.isAfter(now.minus(Duration.ofDays(3))))
                .reduce((a, b) -> b).map(d -> d.intensity).orElse(null);
        boolean awaitingTriage = awaitingTriage(recent, state, now);
        String riskGroup = state == null ? null : state.startBackRisk;
        boolean highRisk = "HIGH".equals(riskGroup);
        boolean gentle = tier.equals("SOON") || awaitingTriage || highRisk
                || recentPain != null && recentPain >= ExerciseFilter.SEVERE_PAIN;
        if (awaitingTriage) {
            notes.add("Your latest entry reports symptoms or severe pain and triage has not answered on it yet: "
                    + "gentle work only until it has. If you feel worse, contact your clinic.");
        } else if (tier.equals("SOON")) {
            notes.add("Gentle work only until your clinician has reviewed you (triage status SOON).");
        } else if (recentPain != null && recentPain >= ExerciseFilter.SEVERE_PAIN) {
            notes.add("Gentle work only: your last entries report pain of " + recentPain + "/10.");
        }
        if (highRisk) {
            notes.add("Gentle work: your latest STarT Back screening puts you in the high-risk group, where worries "
                    + "about the pain and low mood weigh on recovery. A plan that starts gently and builds confidence "
                    + "step by step suits that best; your clinician can add more as you go.");
        } else if (riskGroup != null) {
            notes.add("Built for the STarT Back " + riskGroup.toLowerCase(java.util.Locale.ROOT) + "-risk group of your "
                    + "latest screening.");
        }
        Map<String, String> leftOut = leftOutAfterConcerningPain(recent);
        leftOut.forEach((exercise, day) -> notes.add("Left out: " + exercise + ", logged before concerning pain on " + day + "."));

        int planned = tenPercentRule(recent, now, minutes, notes);
        Map<String, ExerciseContent> visible = catalog.visibleTo(clinicId);
        List<ExerciseContent> candidates = visible.values().stream()
                .filter(e -> !ExerciseFilter.avoidInFlare(e))
                .filter(e -> e.spinalLoad() != SpinalLoad.HIGH && e.impact() != Impact.HIGH)
                .filter(e -> conditions.stream().noneMatch(c -> ExerciseFilter.ratingFor(e, c) == Rating.AVOID))
                .filter(e -> !gentle || ExerciseFilter.isGentle(e))
                .filter(e -> !matchesAny(e, leftOut.keySet()))
                .sorted(Comparator.comparingLong((ExerciseContent e) -> cautions(e, conditions))
                        .thenComparing(e -> e.difficulty().ordinal()).thenComparing(ExerciseContent::slug))
                .toList();

        int warmUpMinutes = Math.max(3, Math.round(planned * 0.2f));
        int coolDownMinutes = Math.max(3, Math.round(planned * 0.2f));
        int mainMinutes = Math.max(0, planned - warmUpMinutes - coolDownMinutes);
        Set<String> used = new HashSet<>();
        List<ExercisePlan.Item> warmUp = fill(candidates, warmUpMinutes, 3, used, WARM_UP_FIRST,
                e -> e.category() == Category.MOBILITY_STRETCH || e.category() == Category.CARDIO_LOW_IMPACT,
                conditions, gentle, "warm-up");
        List<ExercisePlan.Item> coolDown = fill(candidates, coolDownMinutes, 3, used, COOL_DOWN_FIRST,
                e -> e.category() == Category.MOBILITY_STRETCH || e.slug().equals("walking"), conditions, gentle,
                "cool-down");
        List<ExercisePlan.Item> main = fill(candidates, mainMinutes, 5, used, List.of(),
                e -> e.category() != Category.MOBILITY_STRETCH && e.category() != Category.SELF_MASSAGE, conditions,
                gentle, "main");
        int total = sum(warmUp) + sum(main) + sum(coolDown);
        String advice = tier.equals("SOON")
                ? "Keep moving gently and book the clinician review you have been asked to."
                : "Stop any exercise that brings on sharp, burning or electric pain, or symptoms in the legs.";
        return new ExercisePlan(patientId, minutes, total, tier, state == null ? null : state.statusTime, conditions,
                advice, warmUp, main, coolDown, notes, riskGroup);
    }

    /**
     * Triage's status reaches the catalog by event, a moment after the entry that caused it. Until the status has
     * caught up with a recent entry that reports symptoms or pain of 7 or more, the plan errs on the gentle side.
     */
    private static boolean awaitingTriage(List<PatientEntryDigestEntity> recent, PatientStateEntity state, Instant now) {
        Instant statusTime = state == null ? null : state.statusTime;
        return recent.stream().filter(d -> d.eventTime != null && d.eventTime.isAfter(now.minus(Duration.ofHours(24))))
                .filter(d -> d.symptoms || d.intensity >= ExerciseFilter.SEVERE_PAIN)
                .anyMatch(d -> statusTime == null || d.eventTime.isAfter(statusTime));
    }

    /** Exercises logged in the 48 h before concerning pain, with the day of that pain. */
    private static Map<String, String> leftOutAfterConcerningPain(List<PatientEntryDigestEntity> recent) {
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (PatientEntryDigestEntity logged : recent) {
            for (PatientEntryDigestEntity pain : recent) {
                boolean within = !pain.recordedAt.isBefore(logged.recordedAt)
                        && !pain.recordedAt.isAfter(logged.recordedAt.plus(CONCERN_WINDOW));
                if (pain.concerning && within) {
                    logged.exercises.forEach(x -> leftOut.putIfAbsent(x.exercise(),
                            pain.recordedAt.atZone(ZoneOffset.UTC).toLocalDate().toString()));
                }
            }
        }
        return leftOut;
    }

    /** Today's minutes under the 10% rule, with a note when it shortens the session. */
    private static int tenPercentRule(List<PatientEntryDigestEntity> recent, Instant now, int requested, List<String> notes) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        int lastWeek = minutes(recent.stream().filter(d -> d.recordedAt.isBefore(weekAgo)).toList());
        int thisWeek = minutes(recent.stream().filter(d -> !d.recordedAt.isBefore(weekAgo)).toList());
        if (lastWeek == 0) {
            notes.add("No exercise logged last week: start with this session and raise your weekly time by no more "
                    + "than 10% a week.");
            return requested;
        }
        int allowance = (int) Math.floor(lastWeek * 1.1) - thisWeek;
        if (allowance >= requested) {
            return requested;
        }
        int planned = Math.max(MINIMUM_SESSION, Math.min(requested, allowance));
        notes.add("Shortened to " + planned + " min by the 10% rule: " + thisWeek + " min logged this week against "
                + lastWeek + " min last week.");
        return planned;
    }

    private static int minutes(List<PatientEntryDigestEntity> digests) {
        return digests.stream().flatMap(d -> d.exercises.stream()).mapToInt(x -> x.minutes() == null ? 0 : x.minutes()).sum();
    }

    private List<ExercisePlan.Item> fill(List<ExerciseContent> candidates, int budget, int perItem, Set<String> used,
            List<String> preferred, java.util.function.Predicate<ExerciseContent> fits, List<String> conditions,
            boolean gentle, String part) {
        List<ExerciseContent> pool = new ArrayList<>();
        preferred.forEach(slug -> candidates.stream().filter(e -> e.slug().equals(slug)).findFirst().ifPresent(pool::add));
        candidates.stream().filter(fits).filter(e -> !pool.contains(e)).forEach(pool::add);
        List<ExercisePlan.Item> items = new ArrayList<>();
        int left = budget;
        for (ExerciseContent e : pool) {
            if (left <= 0) {
                break;
            }
            if (used.contains(e.slug()) || !fits.test(e)) {
                continue;
            }
            int minutes = Math.min(left, isCardio(e) && part.equals("main") ? Math.max(perItem, 10) : perItem);
            used.add(e.slug());
            items.add(new ExercisePlan.Item(e.slug(), e.name(), minutes, e.dosage(), why(e, conditions, gentle, part)));
            left -= minutes;
        }
        return items;
    }

    private static String why(ExerciseContent e, List<String> conditions, boolean gentle, String part) {
        List<String> cautions = new ArrayList<>();
        for (String c : conditions) {
            var rating = e.ratings().get(c);
            if (rating != null && rating.rating() == Rating.CAUTION) {
                cautions.add(rating.note());
            }
        }
        String role = switch (part) {
            case "warm-up" -> "Warms up the back gently";
            case "cool-down" -> "Cools down and stretches";
            default -> "Builds " + e.category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        if (!cautions.isEmpty()) {
            return role + "; with care: " + cautions.get(0);
        }
        if (!conditions.isEmpty()) {
            return role + "; recommended for " + String.join(" and ", conditions) + ".";
        }
        return role + (gentle ? " (gentle, " + e.position().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")." : ".");
    }

    private static long cautions(ExerciseContent e, List<String> conditions) {
        return conditions.stream().filter(c -> ExerciseFilter.ratingFor(e, c) == Rating.CAUTION).count();
    }

    private static boolean isCardio(ExerciseContent e) {
        return e.category() == Category.CARDIO_LOW_IMPACT || e.category() == Category.CARDIO_MODERATE_IMPACT;
    }

    private static boolean matchesAny(ExerciseContent e, Set<String> logged) {
        if (logged.isEmpty()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        names.add(e.slug());
        names.add(e.name().toLowerCase(Locale.ROOT));
        if (e.aliases() != null) {
            e.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        }
        return logged.stream().anyMatch(names::contains);
    }

    private static int sum(List<ExercisePlan.Item> items) {
        return items.stream().mapToInt(ExercisePlan.Item::minutes).sum();
    }
}
