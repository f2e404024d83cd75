package com.backcare.system.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.backcare.localstack.LocalSystem;

/**
 * A measured warm-up: the same round of load again and again until its median latency settles and the services' JIT
 * compilers have gone quiet. On two shared cores five JVMs' compilers are still at work long after any fixed warm-up,
 * and long after the median looks settled: in one triage run whose rounds at 25 red flags a second had settled at
 * p50 135 ms, five minutes more at 100 a second still found the compilers at 32, 36, 27, 19 and 12% of the services'
 * CPU, and the latency at 100 a second fell with them (p99 1,595 to 514 ms). A production service runs for days, so
 * its steady state is the one with the compilers done.
 */
final class WarmUp {

    /** The most rounds run, settled or not. */
    static final int MOST_ROUNDS = 30;
    /** The services' JIT compilers' share of the services' CPU in a round at which they count as done. */
    static final double QUIET_JIT_SHARE = 0.10;

    /** One round of load; returns its median latency in milliseconds. */
    interface Round {
        double p50Millis(int round) throws Exception;
    }

    /** The medians of the rounds run, and the compilers' share of the services' CPU in each, in order. */
    record Rounds(String load, List<Double> p50s, List<Double> jitShares) {

        /** The report's line: what a round was, and each round's median and compilers' share. */
        String describe() {
            return "Warm-up: rounds of " + load + " until the p50 settled (within a fifth of the round before) and the "
                    + "services' JIT compilers used at most %.0f%% of the services' CPU in the round (%d rounds at most); "
                            .formatted(QUIET_JIT_SHARE * 100, MOST_ROUNDS)
                    + "p50 by round: " + p50s.stream().map(p -> "%,.0f".formatted(p)).collect(Collectors.joining(", "))
                    + " ms; the compilers' share by round: "
                    + jitShares.stream().map(s -> "%.0f%%".formatted(s * 100)).collect(Collectors.joining(", ")) + ".";
        }
    }

    private WarmUp() {
    }

    /**
     * Runs rounds until one's median is within a fifth of the round before and the services' compilers used at most
     * {@link #QUIET_JIT_SHARE} of their CPU in it, or {@link #MOST_ROUNDS} have run.
     */
    static Rounds untilSettled(LocalSystem system, String load, Round round) throws Exception {
        List<Double> p50s = new ArrayList<>();
        List<Double> jitShares = new ArrayList<>();
        double previous = Double.NaN;
        for (int i = 0; i < MOST_ROUNDS; i++) {
            Duration servicesBefore = servicesCpu(system.cpuTimes());
            Duration jitBefore = system.jitCpuTime();
            double p50 = round.p50Millis(i);
            Duration services = servicesCpu(system.cpuTimes()).minus(servicesBefore);
            // A compiler thread that ended takes its time with it: never below zero.
            double jitShare = services.isZero() ? 0 : Math.max(0, system.jitCpuTime().minus(jitBefore).toNanos())
                    / (double) services.toNanos();
            p50s.add(p50);
            jitShares.add(jitShare);
            System.out.printf("warm-up round %d (%s): p50 %.0f ms, the services' JIT compilers %.0f%% of their CPU%n",
                    i + 1, load, p50, jitShare * 100);
            if (Math.abs(p50 - previous) <= previous / 5 && jitShare <= QUIET_JIT_SHARE) {
                break;
            }
            previous = p50;
        }
        return new Rounds(load, List.copyOf(p50s), List.copyOf(jitShares));
    }

    /** The services' CPU: every process but PostgreSQL and the driver (with its broker). */
    private static Duration servicesCpu(Map<String, Duration> times) {
        return times.entrySet().stream().filter(e -> !e.getKey().equals("postgresql") && !e.getKey().equals("driver"))
                .map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus);
    }
}
