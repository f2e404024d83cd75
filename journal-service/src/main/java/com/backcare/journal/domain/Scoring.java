package com.backcare.journal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import com.backcare.events.QuestionnaireResponseEventData.Score;

/** How an instrument's item scores combine into its score. Pure: the numbers come from the instrument's settings. */
public sealed interface Scoring {

    /** The score of a response whose items (linkId to item score) were each checked against the instrument. */
    Score score(Map<String, Integer> itemScores);

    /** The items that may be left unanswered, out of the instrument's optional ones; 0 means all must be. */
    int maxMissing();

    /**
     * The Keele STarT Back Screening Tool: the total is the sum of the nine items (0-9), the psychosocial subscore the
     * sum of items 5-9 (0-5); low risk up to a total of {@code lowMaxTotal}, otherwise high when the subscore reaches
     * {@code highMinPsychosocial}, medium when it does not.
     */
    record StartBack(List<String> psychosocialItems, int lowMaxTotal, int highMinPsychosocial) implements Scoring {

        @Override
        public Score score(Map<String, Integer> itemScores) {
            int total = itemScores.values().stream().mapToInt(Integer::intValue).sum();
            int psychosocial = psychosocialItems.stream().mapToInt(linkId -> itemScores.getOrDefault(linkId, 0)).sum();
            String group = total <= lowMaxTotal ? "LOW" : psychosocial >= highMinPsychosocial ? "HIGH" : "MEDIUM";
            return Score.startBack(total, psychosocial, group);
        }

        @Override
        public int maxMissing() {
            return 0;
        }
    }

    /**
     * The Oswestry Disability Index: the sum of the sections answered over the most they could score
     * ({@code maxPerItem} each), as a percentage to one decimal; an unanswered section leaves the denominator, and at
     * most {@code maxMissing} may be unanswered. Bands by upper bound, inclusive.
     */
    record PercentOfAnswered(int maxPerItem, int maxMissing, List<Band> bands) implements Scoring {

        /** A band: percentages up to {@code maxPercent} (inclusive) and above the previous band's. */
        public record Band(BigDecimal maxPercent, String band) {
        }

        @Override
        public Score score(Map<String, Integer> itemScores) {
            int sum = itemScores.values().stream().mapToInt(Integer::intValue).sum();
            BigDecimal percent = BigDecimal.valueOf(sum * 100L)
                    .divide(BigDecimal.valueOf((long) maxPerItem * itemScores.size()), 1, RoundingMode.HALF_UP);
            String band = bands.stream().filter(b -> percent.compareTo(b.maxPercent()) <= 0).findFirst()
                    .orElseThrow(() -> new IllegalStateException(percent + "% is in no band")).band();
            return Score.disability(percent, band);
        }
    }
}
