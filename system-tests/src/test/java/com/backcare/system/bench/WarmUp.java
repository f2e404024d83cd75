package com.backcare.system.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A measured warm-up: the same round of load again and again until its median latency settles. On two shared cores
 * five JVMs' compilers are still at work long after any fixed warm-up (one triage run's rounds: p50 12,657, 1,893,
 * 813, 591, 553 ms), so a fixed time says nothing about how warm the system is.
 */
final class WarmUp {

    /** The most rounds run, settled or not. */
    static final int MOST_ROUNDS = 10;

    /** One round of load; returns its median latency in milliseconds. */
    interface Round {
        double p50Millis(int round) throws Exception;
    }

    /** The medians of the rounds run, in order. */
    record Rounds(String load, List<Double> p50s) {

        /** The report's line: what a round was, and each round's median. */
        String describe() {
            return "Warm-up: rounds of " + load + " until the p50 settled (within a fifth of the round before, "
                    + MOST_ROUNDS + " rounds at most); p50 by round: "
                    + p50s.stream().map(p -> "%,.0f".formatted(p)).collect(Collectors.joining(", ")) + " ms.";
        }
    }

    private WarmUp() {
    }

    /** Runs rounds until one's median is within a fifth of the round before, or {@link #MOST_ROUNDS} have run. */
    static Rounds untilSettled(String load, Round round) throws Exception {
        List<Double> p50s = new ArrayList<>();
        double previous = Double.NaN;
        for (int i = 0; i < MOST_ROUNDS; i++) {
            double p50 = round.p50Millis(i);
            p50s.add(p50);
            System.out.printf("warm-up round %d (%s): p50 %.0f ms%n", i + 1, load, p50);
            if (Math.abs(p50 - previous) <= previous / 5) {
                break;
            }
            previous = p50;
        }
        return new Rounds(load, List.copyOf(p50s));
    }
}
