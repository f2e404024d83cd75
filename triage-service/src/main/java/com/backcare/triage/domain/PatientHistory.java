package com.backcare.triage.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the history rules may ask about one patient's live entries, each question about the entries strictly between
 * two points of the timeline. Every answer is a bounded lookup (an index probe, or one per intensity value or day),
 * never a read of the whole history: a patient with 20,000 entries costs what one with 20 does.
 */
public interface PatientHistory {

    /** Evidence lists keep the first entry of a pattern and its latest ones, at most this many in all. */
    int EVIDENCE_LIMIT = 20;

    /** The latest entry in (after, before). */
    Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before);

    /** The latest entry in (after, before) whose intensity is more than one point below its predecessor's. */
    Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before);

    /** The earliest entry in (after, before) at or below {@code maxIntensity}. */
    Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity);

    /** The latest entry in (after, before) at or below {@code maxIntensity}. */
    Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity);

    /** The earliest entry in (after, before) at or above {@code minIntensity}. */
    Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity);

    /** The latest entry in (after, before) at or above {@code minIntensity}. */
    Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity);

    /** The earliest concerning exercise pain in (after, before) sharing a quality with {@code qualities}. */
    Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities);

    /**
     * The ids of the entries in (after, before), oldest first: all of them up to {@code limit}, otherwise the first and
     * the latest {@code limit - 1}.
     */
    List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit);
}
