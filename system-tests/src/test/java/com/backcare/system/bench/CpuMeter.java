package com.backcare.system.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.backcare.localstack.LocalSystem;

/**
 * CPU time each process of the system spent per operation over a step: unlike latency, a cost that the contention of
 * two shared cores does not blur. What the services' JIT compilers spent in the step is counted with it, and shown on
 * its own: while it is large, the services are not yet at their steady cost.
 */
final class CpuMeter {

    /** The processes reported, in this order. */
    private static final List<String> PROCESSES = List.of("journal-service", "triage-service", "catalog-service",
            "postgresql", "driver");

    private final LocalSystem system;
    private Map<String, Duration> start;
    private Duration jitStart;

    CpuMeter(LocalSystem system) {
        this.system = system;
        restart();
    }

    /** Starts a new step. */
    void restart() {
        start = system.cpuTimes();
        jitStart = system.jitCpuTime();
    }

    /** The table's header cells. */
    static String header() {
        return "| CPU ms per op: journal | triage | catalog | PostgreSQL | driver + Kafka | of the services', their JIT compilers |";
    }

    /** Each process's CPU milliseconds per operation since the step started, as table cells; starts a new step. */
    String perOperation(long operations) {
        Map<String, Duration> now = system.cpuTimes();
        String cells = PROCESSES.stream().map(name -> {
            Duration before = start.getOrDefault(name, Duration.ZERO);
            Duration after = now.getOrDefault(name, Duration.ZERO);
            return operations == 0 || !now.containsKey(name) ? "-"
                    : "%.2f".formatted(after.minus(before).toNanos() / 1e6 / operations);
        }).collect(Collectors.joining(" | ", "| ", " |"));
        Duration jitNow = system.jitCpuTime();
        cells += operations == 0 ? " - |" : " %.2f |".formatted(jitNow.minus(jitStart).toNanos() / 1e6 / operations);
        start = now;
        jitStart = jitNow;
        return cells;
    }
}
