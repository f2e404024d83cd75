package com.backcare.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.backcare.events.ConcerningPain;

/**
 * The history rules of triage-rules.md, each over the entries up to and including the current one (by recordedAt).
 * Each answers with its evidence: the entries that make the pattern, current one last (the first and the latest ones
 * when the pattern spans more than {@link PatientHistory#EVIDENCE_LIMIT}); empty when absent. Each asks the history a
 * bounded number of questions, so its cost does not grow with the number of entries.
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
        HistoryPoint now = c.point();
        PatientHistory history = c.history();
        HistoryPoint windowStart = HistoryPoint.after(now.recordedAt().minus(WORSENING_WINDOW));
        Optional<HistoryPoint> previous = history.latest(windowStart, now);
        if (previous.isEmpty() || now.intensity() < previous.get().intensity() - 1) {
            return List.of(); // nothing else in the window, or the current entry is itself a drop
        }
        // The run may only start at or after the last drop of more than one point.
        HistoryPoint runFloor = history.latestDrop(windowStart, now).map(HistoryPoint::justBefore).orElse(windowStart);
        Optional<HistoryPoint> start = history.earliestAtMost(runFloor,
                HistoryPoint.after(now.recordedAt().minus(WORSENING_MIN_SPAN)), now.intensity() - 2);
        // Three entries at least: something must lie between the start and the current entry.
        if (start.isEmpty() || history.latest(start.get(), now).isEmpty()) {
            return List.of();
        }
        return evidenceFrom(c, start.get());
    }

    /**
     * PERSISTENT_PAIN: intensity 4 or more in the current entry and over a span of at least 14 days, reading the
     * document's parenthesis: going back from the current entry with no entry at 2 or less in between, the oldest
     * entry at 4 or more lies at least 14 days before.
     */
    static List<UUID> persistentPain(EntryContext c) {
        HistoryPoint now = c.point();
        if (now.intensity() < 4) {
            return List.of();
        }
        PatientHistory history = c.history();
        HistoryPoint runFloor = history.latestAtMost(c.horizon(), now, 2).orElse(c.horizon());
        Optional<HistoryPoint> oldestAtFour = history.earliestAtLeast(runFloor, now, 4);
        if (oldestAtFour.isEmpty()
                || Duration.between(oldestAtFour.get().recordedAt(), now.recordedAt()).compareTo(PERSISTENT_SPAN) < 0) {
            return List.of();
        }
        return evidenceFrom(c, oldestAtFour.get());
    }

    /**
     * SEVERE_RECURRING: the current entry at 7 or more, and entries at 7 or more on 3 different days within 7 days.
     * The evidence is the latest such entry of each day, then the current one.
     */
    static List<UUID> severeRecurring(EntryContext c) {
        HistoryPoint now = c.point();
        if (now.intensity() < 7) {
            return List.of();
        }
        Instant windowStart = now.recordedAt().minus(RECURRING_WINDOW);
        LocalDate today = day(now.recordedAt());
        List<HistoryPoint> perDay = new ArrayList<>();
        for (LocalDate d = day(windowStart); d.isBefore(today); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            HistoryPoint after = dayStart.isAfter(windowStart) ? HistoryPoint.before(dayStart) : HistoryPoint.after(windowStart);
            HistoryPoint before = HistoryPoint.before(dayStart.plus(Duration.ofDays(1)));
            c.history().latestAtLeast(after, before, 7).ifPresent(perDay::add);
        }
        // Today counts once, through the current entry.
        if (perDay.size() + 1 < 3) {
            return List.of();
        }
        List<UUID> evidence = new ArrayList<>(perDay.stream().map(HistoryPoint::id).toList());
        evidence.add(now.id());
        return evidence;
    }

    /**
     * EXERCISE_PAIN_PERSISTS: an EXERCISE_PAIN_CONCERNING entry more than 7 days ago, and a pain of the same
     * concerning quality reported now.
     */
    static List<UUID> exercisePainPersists(EntryContext c) {
        int now = ConcerningPain.qualityBits(c.entry().qualities());
        if (now == 0) {
            return List.of();
        }
        return c.history().earliestExerciseConcern(c.horizon(),
                HistoryPoint.before(c.entry().recordedAt().minus(SORENESS_CLEARS)), now)
                .map(earlier -> List.of(earlier.id(), c.entryId())).orElse(List.of());
    }

    /** The entries from {@code first} through the current one, bounded. */
    private static List<UUID> evidenceFrom(EntryContext c, HistoryPoint first) {
        List<UUID> ids = new ArrayList<>(c.history().ids(HistoryPoint.justBefore(first), c.point(), PatientHistory.EVIDENCE_LIMIT - 1));
        ids.add(c.entryId());
        return ids;
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
