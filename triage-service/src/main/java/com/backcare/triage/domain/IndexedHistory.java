package com.backcare.triage.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's history held in memory and indexed, so that each question costs a few binary searches whatever the
 * number of entries: a flooding patient's 50,000 entries in the rules' horizon answer as fast as 20 do. The positions
 * of the entries at each intensity, of the drops and of each concerning quality are kept in order; the earliest or
 * latest entry of a kind between two points is then a search in the list of that kind. Answers exactly as
 * {@link ListHistory}, the reference it is tested against.
 */
public final class IndexedHistory implements PatientHistory {

    /** Intensities are 0 to 10 (the journal's contract). */
    private static final int INTENSITIES = 11;

    private final HistoryPoint[] timeline;
    private final int[][] atIntensity = new int[INTENSITIES][];
    private final int[] drops;
    private final int[][] withQuality = new int[Integer.SIZE][];

    public IndexedHistory(List<HistoryPoint> entries) {
        timeline = entries.toArray(HistoryPoint[]::new);
        Arrays.sort(timeline, HistoryPoint.TIMELINE);
        List<List<Integer>> byIntensity = lists(INTENSITIES);
        List<List<Integer>> byQuality = lists(Integer.SIZE);
        List<Integer> dropPositions = new ArrayList<>();
        for (int i = 0; i < timeline.length; i++) {
            HistoryPoint point = timeline[i];
            if (point.intensity() < 0 || point.intensity() >= INTENSITIES) {
                throw new IllegalArgumentException("intensity out of 0-10: " + point.intensity());
            }
            byIntensity.get(point.intensity()).add(i);
            if (i > 0 && point.intensity() < timeline[i - 1].intensity() - 1) {
                dropPositions.add(i);
            }
            for (int bits = point.exerciseConcern(); bits != 0; bits &= bits - 1) {
                byQuality.get(Integer.numberOfTrailingZeros(bits)).add(i);
            }
        }
        for (int v = 0; v < INTENSITIES; v++) {
            atIntensity[v] = ints(byIntensity.get(v));
        }
        for (int b = 0; b < Integer.SIZE; b++) {
            withQuality[b] = ints(byQuality.get(b));
        }
        drops = ints(dropPositions);
    }

    @Override
    public Optional<HistoryPoint> latest(HistoryPoint after, HistoryPoint before) {
        int low = from(after);
        int high = to(before);
        return low < high ? Optional.of(timeline[high - 1]) : Optional.empty();
    }

    @Override
    public Optional<HistoryPoint> latestDrop(HistoryPoint after, HistoryPoint before) {
        return point(latestIn(drops, from(after), to(before)));
    }

    @Override
    public Optional<HistoryPoint> earliestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return earliestOfIntensities(after, before, 0, maxIntensity);
    }

    @Override
    public Optional<HistoryPoint> latestAtMost(HistoryPoint after, HistoryPoint before, int maxIntensity) {
        return latestOfIntensities(after, before, 0, maxIntensity);
    }

    @Override
    public Optional<HistoryPoint> earliestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return earliestOfIntensities(after, before, minIntensity, INTENSITIES - 1);
    }

    @Override
    public Optional<HistoryPoint> latestAtLeast(HistoryPoint after, HistoryPoint before, int minIntensity) {
        return latestOfIntensities(after, before, minIntensity, INTENSITIES - 1);
    }

    @Override
    public Optional<HistoryPoint> earliestExerciseConcern(HistoryPoint after, HistoryPoint before, int qualities) {
        int low = from(after);
        int high = to(before);
        int earliest = -1;
        for (int bits = qualities; bits != 0; bits &= bits - 1) {
            earliest = earlier(earliest, earliestIn(withQuality[Integer.numberOfTrailingZeros(bits)], low, high));
        }
        return point(earliest);
    }

    @Override
    public List<UUID> ids(HistoryPoint after, HistoryPoint before, int limit) {
        int low = from(after);
        int high = to(before);
        List<UUID> ids = new ArrayList<>();
        if (high - low <= limit) {
            for (int i = low; i < high; i++) {
                ids.add(timeline[i].id());
            }
            return ids;
        }
        ids.add(timeline[low].id());
        for (int i = high - (limit - 1); i < high; i++) {
            ids.add(timeline[i].id());
        }
        return ids;
    }

    private Optional<HistoryPoint> earliestOfIntensities(HistoryPoint after, HistoryPoint before, int lowest, int highest) {
        int low = from(after);
        int high = to(before);
        int earliest = -1;
        for (int v = Math.max(lowest, 0); v <= Math.min(highest, INTENSITIES - 1); v++) {
            earliest = earlier(earliest, earliestIn(atIntensity[v], low, high));
        }
        return point(earliest);
    }

    private Optional<HistoryPoint> latestOfIntensities(HistoryPoint after, HistoryPoint before, int lowest, int highest) {
        int low = from(after);
        int high = to(before);
        int latest = -1;
        for (int v = Math.max(lowest, 0); v <= Math.min(highest, INTENSITIES - 1); v++) {
            latest = Math.max(latest, latestIn(atIntensity[v], low, high));
        }
        return point(latest);
    }

    /** The first position whose entry lies after {@code after}. */
    private int from(HistoryPoint after) {
        int low = 0;
        int high = timeline.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (after.isBefore(timeline[mid])) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The first position whose entry does not lie before {@code before}: the range's end, exclusive. */
    private int to(HistoryPoint before) {
        int low = 0;
        int high = timeline.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (timeline[mid].isBefore(before)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first of the sorted positions within [low, high), or -1. */
    private static int earliestIn(int[] positions, int low, int high) {
        int i = Arrays.binarySearch(positions, low);
        int at = i >= 0 ? i : -i - 1;
        return at < positions.length && positions[at] < high ? positions[at] : -1;
    }

    /** The last of the sorted positions within [low, high), or -1. */
    private static int latestIn(int[] positions, int low, int high) {
        int i = Arrays.binarySearch(positions, high);
        int at = (i >= 0 ? i : -i - 1) - 1;
        return at >= 0 && positions[at] >= low ? positions[at] : -1;
    }

    private static int earlier(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private Optional<HistoryPoint> point(int position) {
        return position < 0 ? Optional.empty() : Optional.of(timeline[position]);
    }

    private static List<List<Integer>> lists(int count) {
        List<List<Integer>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
