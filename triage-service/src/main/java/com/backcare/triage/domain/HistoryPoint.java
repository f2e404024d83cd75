package com.backcare.triage.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One live entry as the history rules see it: where it stands in the patient's timeline (recordedAt, then id, so that
 * entries recorded at the same instant still have one order), its intensity, and its concerning qualities when it is
 * concerning exercise pain ({@link ConcerningQualities} bits, 0 otherwise).
 */
public record HistoryPoint(UUID id, Instant recordedAt, int intensity, int exerciseConcern) {

    /** recordedAt, then the id compared as PostgreSQL compares uuids (as unsigned bytes), so both sort alike. */
    public static final Comparator<HistoryPoint> TIMELINE = Comparator.comparing(HistoryPoint::recordedAt)
            .thenComparing(HistoryPoint::id, HistoryPoint::compareUnsigned);
    private static final UUID LOWEST = new UUID(0, 0);
    private static final UUID HIGHEST = new UUID(-1L, -1L);
    /** Bounds before and after every entry a patient can have (recordedAt lies in years 1900 to 9999). */
    public static final HistoryPoint START = new HistoryPoint(LOWEST, Instant.parse("0001-01-01T00:00:00Z"), 0, 0);
    public static final HistoryPoint END = new HistoryPoint(HIGHEST, Instant.parse("9999-12-31T23:59:59Z"), 0, 0);

    /** A bound that sorts before every entry recorded at {@code t}: "after" it means "at or after t". */
    public static HistoryPoint before(Instant t) {
        return new HistoryPoint(LOWEST, t, 0, 0);
    }

    /** A bound that sorts after every entry recorded at {@code t}: "after" it means "later than t". */
    public static HistoryPoint after(Instant t) {
        return new HistoryPoint(HIGHEST, t, 0, 0);
    }

    /** A bound right before {@code p}: "after" it includes p. */
    public static HistoryPoint justBefore(HistoryPoint p) {
        UUID id = p.id();
        UUID previous = id.getLeastSignificantBits() != 0
                ? new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() - 1)
                : new UUID(id.getMostSignificantBits() - 1, -1L);
        return new HistoryPoint(previous, p.recordedAt(), 0, 0);
    }

    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    public boolean isBefore(HistoryPoint other) {
        return TIMELINE.compare(this, other) < 0;
    }
}
