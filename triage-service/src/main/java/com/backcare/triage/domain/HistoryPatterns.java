package com.backcare.triage.domain;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.backcare.events.vocabulary.PainQuality;

/**
 * The history rules of triage-rules.md, each over the entries up to and including the current one (by recordedAt).
 * Each answers with its evidence: the entries that make the pattern, current one last; empty when absent.
 */
final class HistoryPatterns {

    static final Duration WORSENING_WINDOW = Duration.ofDays(14);
    static final Duration WORSENING_MIN_SPAN = Duration.ofHours(72);
    static final Duration PERSISTENT_SPAN = Duration.ofDays(14);
    static final Duration RECURRING_WINDOW = Duration.ofDays(7);
    static final Duration SORENESS_CLEARS = Duration.ofDays(7);

    private HistoryPatterns() {
    }

    /**
     * PROGRESSIVE_WORSENING: in the last 14 days, at least 3 entries spanning at least 72 hours, no drop of more than
     * 1 point between consecutive entries, and the last at least 2 points above the first. The earliest qualifying
     * run ending at the current entry is the evidence.
     */
    static List<UUID> progressiveWorsening(EntryContext c) {
        List<HistoryEntry> window = new ArrayList<>();
        c.earlier().stream().filter(e -> e.recordedAt().isAfter(c.entry().recordedAt().minus(WORSENING_WINDOW)))
                .forEach(window::add);
        window.add(c.asHistoryEntry());
        int last = window.size() - 1;
        // The run may only start after the last drop of more than one point.
        int earliestStart = 0;
        for (int i = 1; i <= last; i++) {
            if (window.get(i).intensity() < window.get(i - 1).intensity() - 1) {
                earliestStart = i;
            }
        }
        for (int start = earliestStart; start <= last - 2; start++) {
            HistoryEntry first = window.get(start);
            boolean longEnough = !Duration.between(first.recordedAt(), c.entry().recordedAt()).minus(WORSENING_MIN_SPAN)
                    .isNegative();
            if (longEnough && c.entry().intensity() >= first.intensity() + 2) {
                return ids(window.subList(start, last + 1));
            }
        }
        return List.of();
    }

    /**
     * PERSISTENT_PAIN: intensity 4 or more in the current entry and over a span of at least 14 days, reading the
     * document's parenthesis: going back from the current entry with no entry at 2 or less in between, the oldest
     * entry at 4 or more lies at least 14 days before.
     */
    static List<UUID> persistentPain(EntryContext c) {
        if (c.entry().intensity() < 4) {
            return List.of();
        }
        List<HistoryEntry> run = new ArrayList<>();
        HistoryEntry oldestAtFour = null;
        for (int i = c.earlier().size() - 1; i >= 0; i--) {
            HistoryEntry e = c.earlier().get(i);
            if (e.intensity() <= 2) {
                break;
            }
            run.add(0, e);
            if (e.intensity() >= 4) {
                oldestAtFour = e;
            }
        }
        if (oldestAtFour == null
                || Duration.between(oldestAtFour.recordedAt(), c.entry().recordedAt()).compareTo(PERSISTENT_SPAN) < 0) {
            return List.of();
        }
        List<HistoryEntry> evidence = new ArrayList<>(run.subList(run.indexOf(oldestAtFour), run.size()));
        evidence.add(c.asHistoryEntry());
        return ids(evidence);
    }

    /** SEVERE_RECURRING: the current entry at 7 or more, and entries at 7 or more on 3 different days within 7 days. */
    static List<UUID> severeRecurring(EntryContext c) {
        if (c.entry().intensity() < 7) {
            return List.of();
        }
        List<HistoryEntry> severe = new ArrayList<>();
        c.earlier().stream().filter(e -> e.intensity() >= 7)
                .filter(e -> e.recordedAt().isAfter(c.entry().recordedAt().minus(RECURRING_WINDOW)))
                .forEach(severe::add);
        severe.add(c.asHistoryEntry());
        Set<java.time.LocalDate> days = new HashSet<>();
        severe.forEach(e -> days.add(e.recordedAt().atZone(ZoneOffset.UTC).toLocalDate()));
        return days.size() >= 3 ? ids(severe) : List.of();
    }

    /**
     * EXERCISE_PAIN_PERSISTS: an EXERCISE_PAIN_CONCERNING entry more than 7 days ago, and a pain of the same
     * concerning quality reported now.
     */
    static List<UUID> exercisePainPersists(EntryContext c) {
        Set<PainQuality> now = new HashSet<>(c.entry().qualities());
        now.retainAll(TriageRules.CONCERNING_QUALITIES);
        if (now.isEmpty()) {
            return List.of();
        }
        for (HistoryEntry e : c.earlier()) {
            if (e.recordedAt().isBefore(c.entry().recordedAt().minus(SORENESS_CLEARS))
                    && EntryContext.isConcerningExercisePain(e.report())
                    && e.report().qualities().stream().anyMatch(now::contains)) {
                return List.of(e.id(), c.entryId());
            }
        }
        return List.of();
    }

    private static List<UUID> ids(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::id).toList();
    }
}
