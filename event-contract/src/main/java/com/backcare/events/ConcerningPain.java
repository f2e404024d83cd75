package com.backcare.events;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.backcare.events.vocabulary.PainQuality;
import com.backcare.events.vocabulary.PainTiming;

/**
 * "Concerning pain" with exercise, defined once for triage (EXERCISE_PAIN_CONCERNING and EXERCISE_PAIN_PERSISTS of
 * triage-rules.md) and the catalog (no exercise logged shortly before it goes into a plan): a sharp, stabbing, burning,
 * tingling or electric pain during or right after exercise, unlike the dull ache of normal delayed soreness (seed 002).
 */
public final class ConcerningPain {

    /** The qualities that set concerning pain apart from soreness, in the order of their bits. */
    public static final List<PainQuality> QUALITIES = List.of(PainQuality.SHARP, PainQuality.STABBING,
            PainQuality.BURNING, PainQuality.TINGLING, PainQuality.ELECTRIC);
    public static final Set<PainQuality> QUALITY_SET = Set.copyOf(QUALITIES);

    private ConcerningPain() {
    }

    /** Felt during exercise or right after it. */
    public static boolean withExercise(PainReport report) {
        return report.timing().contains(PainTiming.DURING_EXERCISE)
                || report.timing().contains(PainTiming.IMMEDIATELY_AFTER_EXERCISE);
    }

    /** A concerning quality felt with exercise. */
    public static boolean isConcerningExercisePain(PainReport report) {
        return withExercise(report) && qualityBits(report.qualities()) != 0;
    }

    /** The concerning qualities among these, one bit each in the order of {@link #QUALITIES}. */
    public static int qualityBits(Collection<PainQuality> qualities) {
        int bits = 0;
        for (int i = 0; i < QUALITIES.size(); i++) {
            if (qualities.contains(QUALITIES.get(i))) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** The report's concerning qualities when it is concerning exercise pain, otherwise 0. */
    public static int exerciseConcern(PainReport report) {
        return withExercise(report) ? qualityBits(report.qualities()) : 0;
    }
}
